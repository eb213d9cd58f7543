from payone.v1 import common_pb2 as _common_pb2
from payone.v1 import options_pb2 as _options_pb2
from payone.v1 import responses_pb2 as _responses_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TransactionAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRANSACTION_ACTION_UNSPECIFIED: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_APPOINTED: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_CAPTURE: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_PAID: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_UNDERPAID: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_CANCELATION: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_REFUND: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_DEBIT: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_TRANSFER: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_REMINDER: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_VAUTHORIZATION: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_VSETTLEMENT: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_INVOICE: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_FAILED: _ClassVar[TransactionAction]
    TRANSACTION_ACTION_PENDING: _ClassVar[TransactionAction]

class TransactionState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRANSACTION_STATE_UNSPECIFIED: _ClassVar[TransactionState]
    TRANSACTION_STATE_COMPLETED: _ClassVar[TransactionState]
    TRANSACTION_STATE_PENDING: _ClassVar[TransactionState]

class Mode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MODE_UNSPECIFIED: _ClassVar[Mode]
    MODE_TEST: _ClassVar[Mode]
    MODE_LIVE: _ClassVar[Mode]

class FailedCause(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FAILED_CAUSE_UNSPECIFIED: _ClassVar[FailedCause]
    FAILED_CAUSE_INSUFFICIENT_FUNDS: _ClassVar[FailedCause]
    FAILED_CAUSE_ACCOUNT_EXPIRED: _ClassVar[FailedCause]
    FAILED_CAUSE_ACCOUNT_NAME_MISMATCH: _ClassVar[FailedCause]
    FAILED_CAUSE_NO_DIRECT_DEBIT: _ClassVar[FailedCause]
    FAILED_CAUSE_RECALL: _ClassVar[FailedCause]
    FAILED_CAUSE_OBJECTION: _ClassVar[FailedCause]
    FAILED_CAUSE_RETURN: _ClassVar[FailedCause]
    FAILED_CAUSE_DEBIT_NOT_COLLECTABLE: _ClassVar[FailedCause]
    FAILED_CAUSE_CHARGEBACK: _ClassVar[FailedCause]
    FAILED_CAUSE_CARD_NOT_COLLECTABLE: _ClassVar[FailedCause]
TRANSACTION_ACTION_UNSPECIFIED: TransactionAction
TRANSACTION_ACTION_APPOINTED: TransactionAction
TRANSACTION_ACTION_CAPTURE: TransactionAction
TRANSACTION_ACTION_PAID: TransactionAction
TRANSACTION_ACTION_UNDERPAID: TransactionAction
TRANSACTION_ACTION_CANCELATION: TransactionAction
TRANSACTION_ACTION_REFUND: TransactionAction
TRANSACTION_ACTION_DEBIT: TransactionAction
TRANSACTION_ACTION_TRANSFER: TransactionAction
TRANSACTION_ACTION_REMINDER: TransactionAction
TRANSACTION_ACTION_VAUTHORIZATION: TransactionAction
TRANSACTION_ACTION_VSETTLEMENT: TransactionAction
TRANSACTION_ACTION_INVOICE: TransactionAction
TRANSACTION_ACTION_FAILED: TransactionAction
TRANSACTION_ACTION_PENDING: TransactionAction
TRANSACTION_STATE_UNSPECIFIED: TransactionState
TRANSACTION_STATE_COMPLETED: TransactionState
TRANSACTION_STATE_PENDING: TransactionState
MODE_UNSPECIFIED: Mode
MODE_TEST: Mode
MODE_LIVE: Mode
FAILED_CAUSE_UNSPECIFIED: FailedCause
FAILED_CAUSE_INSUFFICIENT_FUNDS: FailedCause
FAILED_CAUSE_ACCOUNT_EXPIRED: FailedCause
FAILED_CAUSE_ACCOUNT_NAME_MISMATCH: FailedCause
FAILED_CAUSE_NO_DIRECT_DEBIT: FailedCause
FAILED_CAUSE_RECALL: FailedCause
FAILED_CAUSE_OBJECTION: FailedCause
FAILED_CAUSE_RETURN: FailedCause
FAILED_CAUSE_DEBIT_NOT_COLLECTABLE: FailedCause
FAILED_CAUSE_CHARGEBACK: FailedCause
FAILED_CAUSE_CARD_NOT_COLLECTABLE: FailedCause

class NotificationArticle(_message.Message):
    __slots__ = ("id", "price", "quantity", "description", "vat_rate")
    ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VAT_RATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    price: str
    quantity: str
    description: str
    vat_rate: str
    def __init__(self, id: _Optional[str] = ..., price: _Optional[str] = ..., quantity: _Optional[str] = ..., description: _Optional[str] = ..., vat_rate: _Optional[str] = ...) -> None: ...

class TransactionStatusNotification(_message.Message):
    __slots__ = ("key", "txaction", "transaction_status", "notify_version", "mode", "portalid", "aid", "clearingtype", "txtime", "currency", "param", "txid", "reference", "sequencenumber", "price", "receivable", "balance", "failedcause", "reasoncode", "transactiontype", "personal_data", "delivery_data", "cardpan", "cardtype", "cardexpiredate", "bankcountry", "bankaccount", "bankcode", "bankaccountholder", "iban", "bic", "mandate_identification", "creditor_identifier", "clearing", "invoiceid", "invoice_grossamount", "invoice_date", "invoice_deliverydate", "invoice_deliveryenddate", "items", "productid", "accessid", "accessname", "accesscode", "reminderlevel", "add_paydata", "other_parameters")
    class AddPaydataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    KEY_FIELD_NUMBER: _ClassVar[int]
    TXACTION_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_STATUS_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_VERSION_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    PORTALID_FIELD_NUMBER: _ClassVar[int]
    AID_FIELD_NUMBER: _ClassVar[int]
    CLEARINGTYPE_FIELD_NUMBER: _ClassVar[int]
    TXTIME_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    PARAM_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    SEQUENCENUMBER_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    RECEIVABLE_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    FAILEDCAUSE_FIELD_NUMBER: _ClassVar[int]
    REASONCODE_FIELD_NUMBER: _ClassVar[int]
    TRANSACTIONTYPE_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_DATA_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_DATA_FIELD_NUMBER: _ClassVar[int]
    CARDPAN_FIELD_NUMBER: _ClassVar[int]
    CARDTYPE_FIELD_NUMBER: _ClassVar[int]
    CARDEXPIREDATE_FIELD_NUMBER: _ClassVar[int]
    BANKCOUNTRY_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNT_FIELD_NUMBER: _ClassVar[int]
    BANKCODE_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNTHOLDER_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    MANDATE_IDENTIFICATION_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    CLEARING_FIELD_NUMBER: _ClassVar[int]
    INVOICEID_FIELD_NUMBER: _ClassVar[int]
    INVOICE_GROSSAMOUNT_FIELD_NUMBER: _ClassVar[int]
    INVOICE_DATE_FIELD_NUMBER: _ClassVar[int]
    INVOICE_DELIVERYDATE_FIELD_NUMBER: _ClassVar[int]
    INVOICE_DELIVERYENDDATE_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PRODUCTID_FIELD_NUMBER: _ClassVar[int]
    ACCESSID_FIELD_NUMBER: _ClassVar[int]
    ACCESSNAME_FIELD_NUMBER: _ClassVar[int]
    ACCESSCODE_FIELD_NUMBER: _ClassVar[int]
    REMINDERLEVEL_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    key: str
    txaction: TransactionAction
    transaction_status: TransactionState
    notify_version: str
    mode: Mode
    portalid: str
    aid: str
    clearingtype: _common_pb2.ClearingType
    txtime: int
    currency: str
    param: str
    txid: str
    reference: str
    sequencenumber: int
    price: int
    receivable: int
    balance: int
    failedcause: FailedCause
    reasoncode: int
    transactiontype: _common_pb2.TransactionType
    personal_data: _common_pb2.PersonalData
    delivery_data: _common_pb2.DeliveryData
    cardpan: str
    cardtype: _common_pb2.CardType
    cardexpiredate: str
    bankcountry: str
    bankaccount: str
    bankcode: str
    bankaccountholder: str
    iban: str
    bic: str
    mandate_identification: str
    creditor_identifier: str
    clearing: _responses_pb2.ClearingData
    invoiceid: str
    invoice_grossamount: int
    invoice_date: str
    invoice_deliverydate: str
    invoice_deliveryenddate: str
    items: _containers.RepeatedCompositeFieldContainer[NotificationArticle]
    productid: str
    accessid: str
    accessname: str
    accesscode: str
    reminderlevel: str
    add_paydata: _containers.ScalarMap[str, str]
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, key: _Optional[str] = ..., txaction: _Optional[_Union[TransactionAction, str]] = ..., transaction_status: _Optional[_Union[TransactionState, str]] = ..., notify_version: _Optional[str] = ..., mode: _Optional[_Union[Mode, str]] = ..., portalid: _Optional[str] = ..., aid: _Optional[str] = ..., clearingtype: _Optional[_Union[_common_pb2.ClearingType, str]] = ..., txtime: _Optional[int] = ..., currency: _Optional[str] = ..., param: _Optional[str] = ..., txid: _Optional[str] = ..., reference: _Optional[str] = ..., sequencenumber: _Optional[int] = ..., price: _Optional[int] = ..., receivable: _Optional[int] = ..., balance: _Optional[int] = ..., failedcause: _Optional[_Union[FailedCause, str]] = ..., reasoncode: _Optional[int] = ..., transactiontype: _Optional[_Union[_common_pb2.TransactionType, str]] = ..., personal_data: _Optional[_Union[_common_pb2.PersonalData, _Mapping]] = ..., delivery_data: _Optional[_Union[_common_pb2.DeliveryData, _Mapping]] = ..., cardpan: _Optional[str] = ..., cardtype: _Optional[_Union[_common_pb2.CardType, str]] = ..., cardexpiredate: _Optional[str] = ..., bankcountry: _Optional[str] = ..., bankaccount: _Optional[str] = ..., bankcode: _Optional[str] = ..., bankaccountholder: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., mandate_identification: _Optional[str] = ..., creditor_identifier: _Optional[str] = ..., clearing: _Optional[_Union[_responses_pb2.ClearingData, _Mapping]] = ..., invoiceid: _Optional[str] = ..., invoice_grossamount: _Optional[int] = ..., invoice_date: _Optional[str] = ..., invoice_deliverydate: _Optional[str] = ..., invoice_deliveryenddate: _Optional[str] = ..., items: _Optional[_Iterable[_Union[NotificationArticle, _Mapping]]] = ..., productid: _Optional[str] = ..., accessid: _Optional[str] = ..., accessname: _Optional[str] = ..., accesscode: _Optional[str] = ..., reminderlevel: _Optional[str] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...
