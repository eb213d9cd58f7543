from payone.v1 import common_pb2 as _common_pb2
from payone.v1 import options_pb2 as _options_pb2
from payone.v1 import payment_methods_pb2 as _payment_methods_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ManageMandateRequest(_message.Message):
    __slots__ = ("account", "currency", "mandate_identification", "iban", "bic", "bankcountry", "bankaccount", "bankcode", "bankaccountholder", "customerid", "userid", "salutation", "title", "firstname", "lastname", "company", "street", "addressaddition", "zip", "city", "state", "country", "email", "language")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    MANDATE_IDENTIFICATION_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    BANKCOUNTRY_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNT_FIELD_NUMBER: _ClassVar[int]
    BANKCODE_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNTHOLDER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERID_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    SALUTATION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    FIRSTNAME_FIELD_NUMBER: _ClassVar[int]
    LASTNAME_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    ADDRESSADDITION_FIELD_NUMBER: _ClassVar[int]
    ZIP_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    account: str
    currency: str
    mandate_identification: str
    iban: str
    bic: str
    bankcountry: str
    bankaccount: str
    bankcode: str
    bankaccountholder: str
    customerid: str
    userid: str
    salutation: str
    title: str
    firstname: str
    lastname: str
    company: str
    street: str
    addressaddition: str
    zip: str
    city: str
    state: str
    country: str
    email: str
    language: str
    def __init__(self, account: _Optional[str] = ..., currency: _Optional[str] = ..., mandate_identification: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., bankcountry: _Optional[str] = ..., bankaccount: _Optional[str] = ..., bankcode: _Optional[str] = ..., bankaccountholder: _Optional[str] = ..., customerid: _Optional[str] = ..., userid: _Optional[str] = ..., salutation: _Optional[str] = ..., title: _Optional[str] = ..., firstname: _Optional[str] = ..., lastname: _Optional[str] = ..., company: _Optional[str] = ..., street: _Optional[str] = ..., addressaddition: _Optional[str] = ..., zip: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., country: _Optional[str] = ..., email: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class GetFileRequest(_message.Message):
    __slots__ = ("account", "file_reference", "file_type", "file_format")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    FILE_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    FILE_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILE_FORMAT_FIELD_NUMBER: _ClassVar[int]
    account: str
    file_reference: str
    file_type: _common_pb2.FileType
    file_format: _common_pb2.FileFormat
    def __init__(self, account: _Optional[str] = ..., file_reference: _Optional[str] = ..., file_type: _Optional[_Union[_common_pb2.FileType, str]] = ..., file_format: _Optional[_Union[_common_pb2.FileFormat, str]] = ...) -> None: ...

class GetInvoiceRequest(_message.Message):
    __slots__ = ("account", "invoice_title")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    INVOICE_TITLE_FIELD_NUMBER: _ClassVar[int]
    account: str
    invoice_title: str
    def __init__(self, account: _Optional[str] = ..., invoice_title: _Optional[str] = ...) -> None: ...

class GenericPaymentRequest(_message.Message):
    __slots__ = ("account", "action", "amount", "currency", "workorderid", "reference", "payment_type", "shop_id", "personal_data", "delivery_data", "redirect_urls", "items", "add_paydata", "wallet", "financing", "online_bank_transfer")
    class AddPaydataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    WORKORDERID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SHOP_ID_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_DATA_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_DATA_FIELD_NUMBER: _ClassVar[int]
    REDIRECT_URLS_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    WALLET_FIELD_NUMBER: _ClassVar[int]
    FINANCING_FIELD_NUMBER: _ClassVar[int]
    ONLINE_BANK_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    account: str
    action: str
    amount: int
    currency: str
    workorderid: str
    reference: str
    payment_type: str
    shop_id: str
    personal_data: _common_pb2.PersonalData
    delivery_data: _common_pb2.DeliveryData
    redirect_urls: _common_pb2.RedirectUrls
    items: _containers.RepeatedCompositeFieldContainer[_common_pb2.Article]
    add_paydata: _containers.ScalarMap[str, str]
    wallet: _payment_methods_pb2.WalletPayment
    financing: _payment_methods_pb2.FinancingPayment
    online_bank_transfer: _payment_methods_pb2.OnlineBankTransferPayment
    def __init__(self, account: _Optional[str] = ..., action: _Optional[str] = ..., amount: _Optional[int] = ..., currency: _Optional[str] = ..., workorderid: _Optional[str] = ..., reference: _Optional[str] = ..., payment_type: _Optional[str] = ..., shop_id: _Optional[str] = ..., personal_data: _Optional[_Union[_common_pb2.PersonalData, _Mapping]] = ..., delivery_data: _Optional[_Union[_common_pb2.DeliveryData, _Mapping]] = ..., redirect_urls: _Optional[_Union[_common_pb2.RedirectUrls, _Mapping]] = ..., items: _Optional[_Iterable[_Union[_common_pb2.Article, _Mapping]]] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., wallet: _Optional[_Union[_payment_methods_pb2.WalletPayment, _Mapping]] = ..., financing: _Optional[_Union[_payment_methods_pb2.FinancingPayment, _Mapping]] = ..., online_bank_transfer: _Optional[_Union[_payment_methods_pb2.OnlineBankTransferPayment, _Mapping]] = ...) -> None: ...

class UpdateUserRequest(_message.Message):
    __slots__ = ("account", "personal_data", "businessrelation", "gender", "personalid", "delivery_data", "bankcountry", "bankaccount", "bankcode", "bankaccountholder", "iban", "bic", "mandate_identification", "cardpan", "pseudocardpan", "cardtype", "cardexpiredate", "cardholder", "delete_carddata", "delete_bankaccountdata")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_DATA_FIELD_NUMBER: _ClassVar[int]
    BUSINESSRELATION_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    PERSONALID_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_DATA_FIELD_NUMBER: _ClassVar[int]
    BANKCOUNTRY_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNT_FIELD_NUMBER: _ClassVar[int]
    BANKCODE_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNTHOLDER_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    MANDATE_IDENTIFICATION_FIELD_NUMBER: _ClassVar[int]
    CARDPAN_FIELD_NUMBER: _ClassVar[int]
    PSEUDOCARDPAN_FIELD_NUMBER: _ClassVar[int]
    CARDTYPE_FIELD_NUMBER: _ClassVar[int]
    CARDEXPIREDATE_FIELD_NUMBER: _ClassVar[int]
    CARDHOLDER_FIELD_NUMBER: _ClassVar[int]
    DELETE_CARDDATA_FIELD_NUMBER: _ClassVar[int]
    DELETE_BANKACCOUNTDATA_FIELD_NUMBER: _ClassVar[int]
    account: str
    personal_data: _common_pb2.PersonalData
    businessrelation: _common_pb2.BusinessRelation
    gender: _common_pb2.Gender
    personalid: str
    delivery_data: _common_pb2.DeliveryData
    bankcountry: str
    bankaccount: str
    bankcode: str
    bankaccountholder: str
    iban: str
    bic: str
    mandate_identification: str
    cardpan: str
    pseudocardpan: str
    cardtype: _common_pb2.CardType
    cardexpiredate: str
    cardholder: str
    delete_carddata: bool
    delete_bankaccountdata: bool
    def __init__(self, account: _Optional[str] = ..., personal_data: _Optional[_Union[_common_pb2.PersonalData, _Mapping]] = ..., businessrelation: _Optional[_Union[_common_pb2.BusinessRelation, str]] = ..., gender: _Optional[_Union[_common_pb2.Gender, str]] = ..., personalid: _Optional[str] = ..., delivery_data: _Optional[_Union[_common_pb2.DeliveryData, _Mapping]] = ..., bankcountry: _Optional[str] = ..., bankaccount: _Optional[str] = ..., bankcode: _Optional[str] = ..., bankaccountholder: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., mandate_identification: _Optional[str] = ..., cardpan: _Optional[str] = ..., pseudocardpan: _Optional[str] = ..., cardtype: _Optional[_Union[_common_pb2.CardType, str]] = ..., cardexpiredate: _Optional[str] = ..., cardholder: _Optional[str] = ..., delete_carddata: _Optional[bool] = ..., delete_bankaccountdata: _Optional[bool] = ...) -> None: ...
