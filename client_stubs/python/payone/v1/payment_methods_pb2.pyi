from payone.v1 import common_pb2 as _common_pb2
from payone.v1 import options_pb2 as _options_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreditCardPayment(_message.Message):
    __slots__ = ("cardpan", "pseudocardpan", "cardtype", "cardexpiredate", "cardcvc2", "cardissuenumber", "cardholder", "ecommercemode", "xid", "cavv", "eci", "wallettype")
    CARDPAN_FIELD_NUMBER: _ClassVar[int]
    PSEUDOCARDPAN_FIELD_NUMBER: _ClassVar[int]
    CARDTYPE_FIELD_NUMBER: _ClassVar[int]
    CARDEXPIREDATE_FIELD_NUMBER: _ClassVar[int]
    CARDCVC2_FIELD_NUMBER: _ClassVar[int]
    CARDISSUENUMBER_FIELD_NUMBER: _ClassVar[int]
    CARDHOLDER_FIELD_NUMBER: _ClassVar[int]
    ECOMMERCEMODE_FIELD_NUMBER: _ClassVar[int]
    XID_FIELD_NUMBER: _ClassVar[int]
    CAVV_FIELD_NUMBER: _ClassVar[int]
    ECI_FIELD_NUMBER: _ClassVar[int]
    WALLETTYPE_FIELD_NUMBER: _ClassVar[int]
    cardpan: str
    pseudocardpan: str
    cardtype: _common_pb2.CardType
    cardexpiredate: str
    cardcvc2: str
    cardissuenumber: str
    cardholder: str
    ecommercemode: _common_pb2.EcommerceMode
    xid: str
    cavv: str
    eci: str
    wallettype: _common_pb2.WalletType
    def __init__(self, cardpan: _Optional[str] = ..., pseudocardpan: _Optional[str] = ..., cardtype: _Optional[_Union[_common_pb2.CardType, str]] = ..., cardexpiredate: _Optional[str] = ..., cardcvc2: _Optional[str] = ..., cardissuenumber: _Optional[str] = ..., cardholder: _Optional[str] = ..., ecommercemode: _Optional[_Union[_common_pb2.EcommerceMode, str]] = ..., xid: _Optional[str] = ..., cavv: _Optional[str] = ..., eci: _Optional[str] = ..., wallettype: _Optional[_Union[_common_pb2.WalletType, str]] = ...) -> None: ...

class SepaDirectDebitPayment(_message.Message):
    __slots__ = ("iban", "bic", "bankcountry", "bankaccount", "bankcode", "bankaccountholder", "mandate_identification")
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    BANKCOUNTRY_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNT_FIELD_NUMBER: _ClassVar[int]
    BANKCODE_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNTHOLDER_FIELD_NUMBER: _ClassVar[int]
    MANDATE_IDENTIFICATION_FIELD_NUMBER: _ClassVar[int]
    iban: str
    bic: str
    bankcountry: str
    bankaccount: str
    bankcode: str
    bankaccountholder: str
    mandate_identification: str
    def __init__(self, iban: _Optional[str] = ..., bic: _Optional[str] = ..., bankcountry: _Optional[str] = ..., bankaccount: _Optional[str] = ..., bankcode: _Optional[str] = ..., bankaccountholder: _Optional[str] = ..., mandate_identification: _Optional[str] = ...) -> None: ...

class PrepaymentPayment(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class InvoicePayment(_message.Message):
    __slots__ = ("clearingsubtype",)
    CLEARINGSUBTYPE_FIELD_NUMBER: _ClassVar[int]
    clearingsubtype: _common_pb2.ClearingSubtype
    def __init__(self, clearingsubtype: _Optional[_Union[_common_pb2.ClearingSubtype, str]] = ...) -> None: ...

class CashOnDeliveryPayment(_message.Message):
    __slots__ = ("shippingprovider",)
    SHIPPINGPROVIDER_FIELD_NUMBER: _ClassVar[int]
    shippingprovider: _common_pb2.ShippingProvider
    def __init__(self, shippingprovider: _Optional[_Union[_common_pb2.ShippingProvider, str]] = ...) -> None: ...

class OnlineBankTransferPayment(_message.Message):
    __slots__ = ("onlinebanktransfertype", "bankcountry", "bankgrouptype", "iban", "bic")
    ONLINEBANKTRANSFERTYPE_FIELD_NUMBER: _ClassVar[int]
    BANKCOUNTRY_FIELD_NUMBER: _ClassVar[int]
    BANKGROUPTYPE_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    onlinebanktransfertype: _common_pb2.OnlineBankTransferType
    bankcountry: str
    bankgrouptype: str
    iban: str
    bic: str
    def __init__(self, onlinebanktransfertype: _Optional[_Union[_common_pb2.OnlineBankTransferType, str]] = ..., bankcountry: _Optional[str] = ..., bankgrouptype: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ...) -> None: ...

class WalletPayment(_message.Message):
    __slots__ = ("wallettype", "apple_pay_token", "google_pay_token")
    WALLETTYPE_FIELD_NUMBER: _ClassVar[int]
    APPLE_PAY_TOKEN_FIELD_NUMBER: _ClassVar[int]
    GOOGLE_PAY_TOKEN_FIELD_NUMBER: _ClassVar[int]
    wallettype: _common_pb2.WalletType
    apple_pay_token: ApplePayToken
    google_pay_token: GooglePayToken
    def __init__(self, wallettype: _Optional[_Union[_common_pb2.WalletType, str]] = ..., apple_pay_token: _Optional[_Union[ApplePayToken, _Mapping]] = ..., google_pay_token: _Optional[_Union[GooglePayToken, _Mapping]] = ...) -> None: ...

class ApplePayToken(_message.Message):
    __slots__ = ("version", "data", "signature", "ephemeral_publickey", "publickey_hash", "transaction_id")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_PUBLICKEY_FIELD_NUMBER: _ClassVar[int]
    PUBLICKEY_HASH_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    version: str
    data: str
    signature: str
    ephemeral_publickey: str
    publickey_hash: str
    transaction_id: str
    def __init__(self, version: _Optional[str] = ..., data: _Optional[str] = ..., signature: _Optional[str] = ..., ephemeral_publickey: _Optional[str] = ..., publickey_hash: _Optional[str] = ..., transaction_id: _Optional[str] = ...) -> None: ...

class GooglePayToken(_message.Message):
    __slots__ = ("token_data",)
    TOKEN_DATA_FIELD_NUMBER: _ClassVar[int]
    token_data: str
    def __init__(self, token_data: _Optional[str] = ...) -> None: ...

class FinancingPayment(_message.Message):
    __slots__ = ("financingtype", "iban", "bic", "bankaccountholder")
    FINANCINGTYPE_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNTHOLDER_FIELD_NUMBER: _ClassVar[int]
    financingtype: _common_pb2.FinancingType
    iban: str
    bic: str
    bankaccountholder: str
    def __init__(self, financingtype: _Optional[_Union[_common_pb2.FinancingType, str]] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., bankaccountholder: _Optional[str] = ...) -> None: ...

class SecuredInvoicePayment(_message.Message):
    __slots__ = ("device_token",)
    DEVICE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    device_token: str
    def __init__(self, device_token: _Optional[str] = ...) -> None: ...

class SecuredInstallmentPayment(_message.Message):
    __slots__ = ("device_token", "installment_option_id", "iban", "bic", "bankaccountholder")
    DEVICE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    INSTALLMENT_OPTION_ID_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNTHOLDER_FIELD_NUMBER: _ClassVar[int]
    device_token: str
    installment_option_id: str
    iban: str
    bic: str
    bankaccountholder: str
    def __init__(self, device_token: _Optional[str] = ..., installment_option_id: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., bankaccountholder: _Optional[str] = ...) -> None: ...

class SecuredDirectDebitPayment(_message.Message):
    __slots__ = ("device_token", "iban", "bic", "bankaccountholder")
    DEVICE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNTHOLDER_FIELD_NUMBER: _ClassVar[int]
    device_token: str
    iban: str
    bic: str
    bankaccountholder: str
    def __init__(self, device_token: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., bankaccountholder: _Optional[str] = ...) -> None: ...

class CashPayment(_message.Message):
    __slots__ = ("cashtype",)
    CASHTYPE_FIELD_NUMBER: _ClassVar[int]
    cashtype: _common_pb2.CashType
    def __init__(self, cashtype: _Optional[_Union[_common_pb2.CashType, str]] = ...) -> None: ...
