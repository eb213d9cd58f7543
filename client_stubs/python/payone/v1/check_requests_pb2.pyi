from payone.v1 import common_pb2 as _common_pb2
from payone.v1 import options_pb2 as _options_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ThreeDSCheckRequest(_message.Message):
    __slots__ = ("account", "amount", "currency", "exiturl", "cardpan", "pseudocardpan", "cardtype", "cardexpiredate", "cardcvc2", "storecarddata", "language")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    EXITURL_FIELD_NUMBER: _ClassVar[int]
    CARDPAN_FIELD_NUMBER: _ClassVar[int]
    PSEUDOCARDPAN_FIELD_NUMBER: _ClassVar[int]
    CARDTYPE_FIELD_NUMBER: _ClassVar[int]
    CARDEXPIREDATE_FIELD_NUMBER: _ClassVar[int]
    CARDCVC2_FIELD_NUMBER: _ClassVar[int]
    STORECARDDATA_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    account: str
    amount: int
    currency: str
    exiturl: str
    cardpan: str
    pseudocardpan: str
    cardtype: _common_pb2.CardType
    cardexpiredate: str
    cardcvc2: str
    storecarddata: bool
    language: str
    def __init__(self, account: _Optional[str] = ..., amount: _Optional[int] = ..., currency: _Optional[str] = ..., exiturl: _Optional[str] = ..., cardpan: _Optional[str] = ..., pseudocardpan: _Optional[str] = ..., cardtype: _Optional[_Union[_common_pb2.CardType, str]] = ..., cardexpiredate: _Optional[str] = ..., cardcvc2: _Optional[str] = ..., storecarddata: _Optional[bool] = ..., language: _Optional[str] = ...) -> None: ...

class CreditCardCheckRequest(_message.Message):
    __slots__ = ("account", "cardpan", "cardtype", "cardexpiredate", "cardcvc2", "cardissuenumber", "storecarddata", "language")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CARDPAN_FIELD_NUMBER: _ClassVar[int]
    CARDTYPE_FIELD_NUMBER: _ClassVar[int]
    CARDEXPIREDATE_FIELD_NUMBER: _ClassVar[int]
    CARDCVC2_FIELD_NUMBER: _ClassVar[int]
    CARDISSUENUMBER_FIELD_NUMBER: _ClassVar[int]
    STORECARDDATA_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    account: str
    cardpan: str
    cardtype: _common_pb2.CardType
    cardexpiredate: str
    cardcvc2: str
    cardissuenumber: str
    storecarddata: bool
    language: str
    def __init__(self, account: _Optional[str] = ..., cardpan: _Optional[str] = ..., cardtype: _Optional[_Union[_common_pb2.CardType, str]] = ..., cardexpiredate: _Optional[str] = ..., cardcvc2: _Optional[str] = ..., cardissuenumber: _Optional[str] = ..., storecarddata: _Optional[bool] = ..., language: _Optional[str] = ...) -> None: ...

class BankAccountCheckRequest(_message.Message):
    __slots__ = ("account", "checktype", "bankcountry", "bankaccount", "bankcode", "bankbranchcode", "bankcheckdigit", "iban", "bic", "language")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CHECKTYPE_FIELD_NUMBER: _ClassVar[int]
    BANKCOUNTRY_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNT_FIELD_NUMBER: _ClassVar[int]
    BANKCODE_FIELD_NUMBER: _ClassVar[int]
    BANKBRANCHCODE_FIELD_NUMBER: _ClassVar[int]
    BANKCHECKDIGIT_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    account: str
    checktype: _common_pb2.BankAccountCheckType
    bankcountry: str
    bankaccount: str
    bankcode: str
    bankbranchcode: str
    bankcheckdigit: str
    iban: str
    bic: str
    language: str
    def __init__(self, account: _Optional[str] = ..., checktype: _Optional[_Union[_common_pb2.BankAccountCheckType, str]] = ..., bankcountry: _Optional[str] = ..., bankaccount: _Optional[str] = ..., bankcode: _Optional[str] = ..., bankbranchcode: _Optional[str] = ..., bankcheckdigit: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class AddressCheckRequest(_message.Message):
    __slots__ = ("account", "addresschecktype", "firstname", "lastname", "company", "street", "streetname", "streetnumber", "zip", "city", "state", "country", "telephonenumber", "language")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ADDRESSCHECKTYPE_FIELD_NUMBER: _ClassVar[int]
    FIRSTNAME_FIELD_NUMBER: _ClassVar[int]
    LASTNAME_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    STREETNAME_FIELD_NUMBER: _ClassVar[int]
    STREETNUMBER_FIELD_NUMBER: _ClassVar[int]
    ZIP_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    TELEPHONENUMBER_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    account: str
    addresschecktype: _common_pb2.AddressCheckType
    firstname: str
    lastname: str
    company: str
    street: str
    streetname: str
    streetnumber: str
    zip: str
    city: str
    state: str
    country: str
    telephonenumber: str
    language: str
    def __init__(self, account: _Optional[str] = ..., addresschecktype: _Optional[_Union[_common_pb2.AddressCheckType, str]] = ..., firstname: _Optional[str] = ..., lastname: _Optional[str] = ..., company: _Optional[str] = ..., street: _Optional[str] = ..., streetname: _Optional[str] = ..., streetnumber: _Optional[str] = ..., zip: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., country: _Optional[str] = ..., telephonenumber: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class ConsumerScoreRequest(_message.Message):
    __slots__ = ("account", "addresschecktype", "consumerscoretype", "firstname", "lastname", "company", "street", "streetname", "streetnumber", "zip", "city", "state", "country", "telephonenumber", "language", "birthday", "gender")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ADDRESSCHECKTYPE_FIELD_NUMBER: _ClassVar[int]
    CONSUMERSCORETYPE_FIELD_NUMBER: _ClassVar[int]
    FIRSTNAME_FIELD_NUMBER: _ClassVar[int]
    LASTNAME_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    STREETNAME_FIELD_NUMBER: _ClassVar[int]
    STREETNUMBER_FIELD_NUMBER: _ClassVar[int]
    ZIP_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    TELEPHONENUMBER_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    BIRTHDAY_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    account: str
    addresschecktype: _common_pb2.AddressCheckType
    consumerscoretype: _common_pb2.ConsumerScoreType
    firstname: str
    lastname: str
    company: str
    street: str
    streetname: str
    streetnumber: str
    zip: str
    city: str
    state: str
    country: str
    telephonenumber: str
    language: str
    birthday: str
    gender: _common_pb2.Gender
    def __init__(self, account: _Optional[str] = ..., addresschecktype: _Optional[_Union[_common_pb2.AddressCheckType, str]] = ..., consumerscoretype: _Optional[_Union[_common_pb2.ConsumerScoreType, str]] = ..., firstname: _Optional[str] = ..., lastname: _Optional[str] = ..., company: _Optional[str] = ..., street: _Optional[str] = ..., streetname: _Optional[str] = ..., streetnumber: _Optional[str] = ..., zip: _Optional[str] = ..., city: _Optional[str] = ..., state: _Optional[str] = ..., country: _Optional[str] = ..., telephonenumber: _Optional[str] = ..., language: _Optional[str] = ..., birthday: _Optional[str] = ..., gender: _Optional[_Union[_common_pb2.Gender, str]] = ...) -> None: ...
