from payone.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ClearingType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CLEARING_TYPE_UNSPECIFIED: _ClassVar[ClearingType]
    CLEARING_TYPE_ELV: _ClassVar[ClearingType]
    CLEARING_TYPE_CC: _ClassVar[ClearingType]
    CLEARING_TYPE_VOR: _ClassVar[ClearingType]
    CLEARING_TYPE_REC: _ClassVar[ClearingType]
    CLEARING_TYPE_COD: _ClassVar[ClearingType]
    CLEARING_TYPE_SB: _ClassVar[ClearingType]
    CLEARING_TYPE_WLT: _ClassVar[ClearingType]
    CLEARING_TYPE_FNC: _ClassVar[ClearingType]
    CLEARING_TYPE_CSH: _ClassVar[ClearingType]

class CardType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CARD_TYPE_UNSPECIFIED: _ClassVar[CardType]
    CARD_TYPE_VISA: _ClassVar[CardType]
    CARD_TYPE_MASTERCARD: _ClassVar[CardType]
    CARD_TYPE_AMEX: _ClassVar[CardType]
    CARD_TYPE_DINERS_DISCOVER: _ClassVar[CardType]
    CARD_TYPE_JCB: _ClassVar[CardType]
    CARD_TYPE_MAESTRO_INTERNATIONAL: _ClassVar[CardType]
    CARD_TYPE_UATP: _ClassVar[CardType]
    CARD_TYPE_CHINA_UNION_PAY: _ClassVar[CardType]
    CARD_TYPE_GIROCARD: _ClassVar[CardType]
    CARD_TYPE_CARTE_BLEUE: _ClassVar[CardType]
    CARD_TYPE_DISCOVER: _ClassVar[CardType]

class WalletType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    WALLET_TYPE_UNSPECIFIED: _ClassVar[WalletType]
    WALLET_TYPE_PAYPAL: _ClassVar[WalletType]
    WALLET_TYPE_PAYPAL_V2: _ClassVar[WalletType]
    WALLET_TYPE_PAYDIREKT: _ClassVar[WalletType]
    WALLET_TYPE_AMAZON_PAY: _ClassVar[WalletType]
    WALLET_TYPE_AMAZON_PAY_V2: _ClassVar[WalletType]
    WALLET_TYPE_APPLE_PAY: _ClassVar[WalletType]
    WALLET_TYPE_GOOGLE_PAY: _ClassVar[WalletType]
    WALLET_TYPE_ALIPAY: _ClassVar[WalletType]
    WALLET_TYPE_WECHAT_PAY: _ClassVar[WalletType]
    WALLET_TYPE_WERO: _ClassVar[WalletType]
    WALLET_TYPE_CLICK_TO_PAY: _ClassVar[WalletType]
    WALLET_TYPE_PAYSAFECARD: _ClassVar[WalletType]
    WALLET_TYPE_QIWI: _ClassVar[WalletType]

class OnlineBankTransferType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ONLINE_BANK_TRANSFER_TYPE_UNSPECIFIED: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_SOFORT: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_GIROPAY: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_EPS: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_IDEAL: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_POSTFINANCE_EFINANCE: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_POSTFINANCE_CARD: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_PRZELEWY24: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_BANCONTACT: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_TRUSTLY: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_MULTIBANCO: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_VERKKOPANKKI: _ClassVar[OnlineBankTransferType]
    ONLINE_BANK_TRANSFER_TYPE_MYBANK: _ClassVar[OnlineBankTransferType]

class FinancingType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FINANCING_TYPE_UNSPECIFIED: _ClassVar[FinancingType]
    FINANCING_TYPE_PAYONE_SECURED_INVOICE: _ClassVar[FinancingType]
    FINANCING_TYPE_PAYONE_SECURED_INSTALLMENT: _ClassVar[FinancingType]
    FINANCING_TYPE_PAYONE_SECURED_DIRECT_DEBIT: _ClassVar[FinancingType]
    FINANCING_TYPE_KLARNA_INVOICE: _ClassVar[FinancingType]
    FINANCING_TYPE_KLARNA_INSTALLMENTS: _ClassVar[FinancingType]
    FINANCING_TYPE_KLARNA_DIRECT_DEBIT: _ClassVar[FinancingType]
    FINANCING_TYPE_KLARNA_BANK_TRANSFER: _ClassVar[FinancingType]
    FINANCING_TYPE_KLARNA_CHECKOUT_INVOICE: _ClassVar[FinancingType]
    FINANCING_TYPE_KLARNA_CHECKOUT_INSTALLMENT: _ClassVar[FinancingType]
    FINANCING_TYPE_UNZER_INVOICE: _ClassVar[FinancingType]
    FINANCING_TYPE_UNZER_INSTALLMENT: _ClassVar[FinancingType]
    FINANCING_TYPE_UNZER_DIRECT_DEBIT: _ClassVar[FinancingType]
    FINANCING_TYPE_UNZER_MONTHLY: _ClassVar[FinancingType]
    FINANCING_TYPE_RATEPAY_INVOICE: _ClassVar[FinancingType]
    FINANCING_TYPE_RATEPAY_INSTALLMENTS: _ClassVar[FinancingType]
    FINANCING_TYPE_RATEPAY_DIRECT_DEBIT: _ClassVar[FinancingType]
    FINANCING_TYPE_RATEPAY_PREPAYMENT: _ClassVar[FinancingType]
    FINANCING_TYPE_PAYPAL_INSTALLMENT: _ClassVar[FinancingType]
    FINANCING_TYPE_BILLSAFE: _ClassVar[FinancingType]
    FINANCING_TYPE_COMMERZ_FINANZ: _ClassVar[FinancingType]

class ClearingSubtype(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CLEARING_SUBTYPE_UNSPECIFIED: _ClassVar[ClearingSubtype]
    CLEARING_SUBTYPE_PAYONE_SECURE_INVOICE: _ClassVar[ClearingSubtype]

class ShippingProvider(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SHIPPING_PROVIDER_UNSPECIFIED: _ClassVar[ShippingProvider]
    SHIPPING_PROVIDER_DHL: _ClassVar[ShippingProvider]
    SHIPPING_PROVIDER_BARTOLINI: _ClassVar[ShippingProvider]

class CashType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CASH_TYPE_UNSPECIFIED: _ClassVar[CashType]
    CASH_TYPE_BARZAHLEN: _ClassVar[CashType]

class Gender(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENDER_UNSPECIFIED: _ClassVar[Gender]
    GENDER_FEMALE: _ClassVar[Gender]
    GENDER_MALE: _ClassVar[Gender]
    GENDER_DIVERSE: _ClassVar[Gender]

class BusinessRelation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BUSINESS_RELATION_UNSPECIFIED: _ClassVar[BusinessRelation]
    BUSINESS_RELATION_B2C: _ClassVar[BusinessRelation]
    BUSINESS_RELATION_B2B: _ClassVar[BusinessRelation]

class EcommerceMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ECOMMERCE_MODE_UNSPECIFIED: _ClassVar[EcommerceMode]
    ECOMMERCE_MODE_INTERNET: _ClassVar[EcommerceMode]
    ECOMMERCE_MODE_THREE_D_SECURE: _ClassVar[EcommerceMode]
    ECOMMERCE_MODE_MOTO: _ClassVar[EcommerceMode]

class Recurrence(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RECURRENCE_UNSPECIFIED: _ClassVar[Recurrence]
    RECURRENCE_ONECLICK: _ClassVar[Recurrence]
    RECURRENCE_RECURRING: _ClassVar[Recurrence]

class SettleAccount(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SETTLE_ACCOUNT_UNSPECIFIED: _ClassVar[SettleAccount]
    SETTLE_ACCOUNT_YES: _ClassVar[SettleAccount]
    SETTLE_ACCOUNT_NO: _ClassVar[SettleAccount]
    SETTLE_ACCOUNT_AUTO: _ClassVar[SettleAccount]

class CaptureMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CAPTURE_MODE_UNSPECIFIED: _ClassVar[CaptureMode]
    CAPTURE_MODE_COMPLETED: _ClassVar[CaptureMode]
    CAPTURE_MODE_NOTCOMPLETED: _ClassVar[CaptureMode]

class TransactionType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRANSACTION_TYPE_UNSPECIFIED: _ClassVar[TransactionType]
    TRANSACTION_TYPE_CREDIT: _ClassVar[TransactionType]
    TRANSACTION_TYPE_CLAIM: _ClassVar[TransactionType]
    TRANSACTION_TYPE_RETURN_DEBIT_FEE: _ClassVar[TransactionType]
    TRANSACTION_TYPE_DUNNING_FEE: _ClassVar[TransactionType]
    TRANSACTION_TYPE_DEFAULT_INTEREST: _ClassVar[TransactionType]
    TRANSACTION_TYPE_SHIPPING_COSTS: _ClassVar[TransactionType]
    TRANSACTION_TYPE_RETURNS: _ClassVar[TransactionType]

class InvoiceDeliveryMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INVOICE_DELIVERY_MODE_UNSPECIFIED: _ClassVar[InvoiceDeliveryMode]
    INVOICE_DELIVERY_MODE_POSTAL_MAIL: _ClassVar[InvoiceDeliveryMode]
    INVOICE_DELIVERY_MODE_PDF_EMAIL: _ClassVar[InvoiceDeliveryMode]
    INVOICE_DELIVERY_MODE_NONE: _ClassVar[InvoiceDeliveryMode]

class ItemType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ITEM_TYPE_UNSPECIFIED: _ClassVar[ItemType]
    ITEM_TYPE_GOODS: _ClassVar[ItemType]
    ITEM_TYPE_SHIPMENT: _ClassVar[ItemType]
    ITEM_TYPE_HANDLING: _ClassVar[ItemType]
    ITEM_TYPE_VOUCHER: _ClassVar[ItemType]

class PeriodUnit(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PERIOD_UNIT_UNSPECIFIED: _ClassVar[PeriodUnit]
    PERIOD_UNIT_YEARS: _ClassVar[PeriodUnit]
    PERIOD_UNIT_MONTHS: _ClassVar[PeriodUnit]
    PERIOD_UNIT_DAYS: _ClassVar[PeriodUnit]

class BankAccountCheckType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BANK_ACCOUNT_CHECK_TYPE_UNSPECIFIED: _ClassVar[BankAccountCheckType]
    BANK_ACCOUNT_CHECK_TYPE_REGULAR: _ClassVar[BankAccountCheckType]
    BANK_ACCOUNT_CHECK_TYPE_POS_BLACKLIST: _ClassVar[BankAccountCheckType]

class AddressCheckType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ADDRESS_CHECK_TYPE_UNSPECIFIED: _ClassVar[AddressCheckType]
    ADDRESS_CHECK_TYPE_NONE: _ClassVar[AddressCheckType]
    ADDRESS_CHECK_TYPE_BASIC: _ClassVar[AddressCheckType]
    ADDRESS_CHECK_TYPE_PERSON: _ClassVar[AddressCheckType]
    ADDRESS_CHECK_TYPE_BONIVERSUM_BASIC: _ClassVar[AddressCheckType]
    ADDRESS_CHECK_TYPE_BONIVERSUM_PERSON: _ClassVar[AddressCheckType]

class ConsumerScoreType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONSUMER_SCORE_TYPE_UNSPECIFIED: _ClassVar[ConsumerScoreType]
    CONSUMER_SCORE_TYPE_HARD_CRITERIA: _ClassVar[ConsumerScoreType]
    CONSUMER_SCORE_TYPE_ALL_CRITERIA: _ClassVar[ConsumerScoreType]
    CONSUMER_SCORE_TYPE_ALL_CRITERIA_WITH_SCORE: _ClassVar[ConsumerScoreType]
    CONSUMER_SCORE_TYPE_CE: _ClassVar[ConsumerScoreType]

class FileType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FILE_TYPE_UNSPECIFIED: _ClassVar[FileType]
    FILE_TYPE_SEPA_MANDATE: _ClassVar[FileType]

class FileFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FILE_FORMAT_UNSPECIFIED: _ClassVar[FileFormat]
    FILE_FORMAT_PDF: _ClassVar[FileFormat]

class CancellationReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CANCELLATION_REASON_UNSPECIFIED: _ClassVar[CancellationReason]
    CANCELLATION_REASON_CONSUMER_REQUEST: _ClassVar[CancellationReason]
    CANCELLATION_REASON_UNDELIVERABLE: _ClassVar[CancellationReason]
    CANCELLATION_REASON_DUPLICATE: _ClassVar[CancellationReason]
    CANCELLATION_REASON_FRAUDULENT: _ClassVar[CancellationReason]
CLEARING_TYPE_UNSPECIFIED: ClearingType
CLEARING_TYPE_ELV: ClearingType
CLEARING_TYPE_CC: ClearingType
CLEARING_TYPE_VOR: ClearingType
CLEARING_TYPE_REC: ClearingType
CLEARING_TYPE_COD: ClearingType
CLEARING_TYPE_SB: ClearingType
CLEARING_TYPE_WLT: ClearingType
CLEARING_TYPE_FNC: ClearingType
CLEARING_TYPE_CSH: ClearingType
CARD_TYPE_UNSPECIFIED: CardType
CARD_TYPE_VISA: CardType
CARD_TYPE_MASTERCARD: CardType
CARD_TYPE_AMEX: CardType
CARD_TYPE_DINERS_DISCOVER: CardType
CARD_TYPE_JCB: CardType
CARD_TYPE_MAESTRO_INTERNATIONAL: CardType
CARD_TYPE_UATP: CardType
CARD_TYPE_CHINA_UNION_PAY: CardType
CARD_TYPE_GIROCARD: CardType
CARD_TYPE_CARTE_BLEUE: CardType
CARD_TYPE_DISCOVER: CardType
WALLET_TYPE_UNSPECIFIED: WalletType
WALLET_TYPE_PAYPAL: WalletType
WALLET_TYPE_PAYPAL_V2: WalletType
WALLET_TYPE_PAYDIREKT: WalletType
WALLET_TYPE_AMAZON_PAY: WalletType
WALLET_TYPE_AMAZON_PAY_V2: WalletType
WALLET_TYPE_APPLE_PAY: WalletType
WALLET_TYPE_GOOGLE_PAY: WalletType
WALLET_TYPE_ALIPAY: WalletType
WALLET_TYPE_WECHAT_PAY: WalletType
WALLET_TYPE_WERO: WalletType
WALLET_TYPE_CLICK_TO_PAY: WalletType
WALLET_TYPE_PAYSAFECARD: WalletType
WALLET_TYPE_QIWI: WalletType
ONLINE_BANK_TRANSFER_TYPE_UNSPECIFIED: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_SOFORT: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_GIROPAY: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_EPS: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_IDEAL: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_POSTFINANCE_EFINANCE: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_POSTFINANCE_CARD: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_PRZELEWY24: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_BANCONTACT: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_TRUSTLY: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_MULTIBANCO: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_VERKKOPANKKI: OnlineBankTransferType
ONLINE_BANK_TRANSFER_TYPE_MYBANK: OnlineBankTransferType
FINANCING_TYPE_UNSPECIFIED: FinancingType
FINANCING_TYPE_PAYONE_SECURED_INVOICE: FinancingType
FINANCING_TYPE_PAYONE_SECURED_INSTALLMENT: FinancingType
FINANCING_TYPE_PAYONE_SECURED_DIRECT_DEBIT: FinancingType
FINANCING_TYPE_KLARNA_INVOICE: FinancingType
FINANCING_TYPE_KLARNA_INSTALLMENTS: FinancingType
FINANCING_TYPE_KLARNA_DIRECT_DEBIT: FinancingType
FINANCING_TYPE_KLARNA_BANK_TRANSFER: FinancingType
FINANCING_TYPE_KLARNA_CHECKOUT_INVOICE: FinancingType
FINANCING_TYPE_KLARNA_CHECKOUT_INSTALLMENT: FinancingType
FINANCING_TYPE_UNZER_INVOICE: FinancingType
FINANCING_TYPE_UNZER_INSTALLMENT: FinancingType
FINANCING_TYPE_UNZER_DIRECT_DEBIT: FinancingType
FINANCING_TYPE_UNZER_MONTHLY: FinancingType
FINANCING_TYPE_RATEPAY_INVOICE: FinancingType
FINANCING_TYPE_RATEPAY_INSTALLMENTS: FinancingType
FINANCING_TYPE_RATEPAY_DIRECT_DEBIT: FinancingType
FINANCING_TYPE_RATEPAY_PREPAYMENT: FinancingType
FINANCING_TYPE_PAYPAL_INSTALLMENT: FinancingType
FINANCING_TYPE_BILLSAFE: FinancingType
FINANCING_TYPE_COMMERZ_FINANZ: FinancingType
CLEARING_SUBTYPE_UNSPECIFIED: ClearingSubtype
CLEARING_SUBTYPE_PAYONE_SECURE_INVOICE: ClearingSubtype
SHIPPING_PROVIDER_UNSPECIFIED: ShippingProvider
SHIPPING_PROVIDER_DHL: ShippingProvider
SHIPPING_PROVIDER_BARTOLINI: ShippingProvider
CASH_TYPE_UNSPECIFIED: CashType
CASH_TYPE_BARZAHLEN: CashType
GENDER_UNSPECIFIED: Gender
GENDER_FEMALE: Gender
GENDER_MALE: Gender
GENDER_DIVERSE: Gender
BUSINESS_RELATION_UNSPECIFIED: BusinessRelation
BUSINESS_RELATION_B2C: BusinessRelation
BUSINESS_RELATION_B2B: BusinessRelation
ECOMMERCE_MODE_UNSPECIFIED: EcommerceMode
ECOMMERCE_MODE_INTERNET: EcommerceMode
ECOMMERCE_MODE_THREE_D_SECURE: EcommerceMode
ECOMMERCE_MODE_MOTO: EcommerceMode
RECURRENCE_UNSPECIFIED: Recurrence
RECURRENCE_ONECLICK: Recurrence
RECURRENCE_RECURRING: Recurrence
SETTLE_ACCOUNT_UNSPECIFIED: SettleAccount
SETTLE_ACCOUNT_YES: SettleAccount
SETTLE_ACCOUNT_NO: SettleAccount
SETTLE_ACCOUNT_AUTO: SettleAccount
CAPTURE_MODE_UNSPECIFIED: CaptureMode
CAPTURE_MODE_COMPLETED: CaptureMode
CAPTURE_MODE_NOTCOMPLETED: CaptureMode
TRANSACTION_TYPE_UNSPECIFIED: TransactionType
TRANSACTION_TYPE_CREDIT: TransactionType
TRANSACTION_TYPE_CLAIM: TransactionType
TRANSACTION_TYPE_RETURN_DEBIT_FEE: TransactionType
TRANSACTION_TYPE_DUNNING_FEE: TransactionType
TRANSACTION_TYPE_DEFAULT_INTEREST: TransactionType
TRANSACTION_TYPE_SHIPPING_COSTS: TransactionType
TRANSACTION_TYPE_RETURNS: TransactionType
INVOICE_DELIVERY_MODE_UNSPECIFIED: InvoiceDeliveryMode
INVOICE_DELIVERY_MODE_POSTAL_MAIL: InvoiceDeliveryMode
INVOICE_DELIVERY_MODE_PDF_EMAIL: InvoiceDeliveryMode
INVOICE_DELIVERY_MODE_NONE: InvoiceDeliveryMode
ITEM_TYPE_UNSPECIFIED: ItemType
ITEM_TYPE_GOODS: ItemType
ITEM_TYPE_SHIPMENT: ItemType
ITEM_TYPE_HANDLING: ItemType
ITEM_TYPE_VOUCHER: ItemType
PERIOD_UNIT_UNSPECIFIED: PeriodUnit
PERIOD_UNIT_YEARS: PeriodUnit
PERIOD_UNIT_MONTHS: PeriodUnit
PERIOD_UNIT_DAYS: PeriodUnit
BANK_ACCOUNT_CHECK_TYPE_UNSPECIFIED: BankAccountCheckType
BANK_ACCOUNT_CHECK_TYPE_REGULAR: BankAccountCheckType
BANK_ACCOUNT_CHECK_TYPE_POS_BLACKLIST: BankAccountCheckType
ADDRESS_CHECK_TYPE_UNSPECIFIED: AddressCheckType
ADDRESS_CHECK_TYPE_NONE: AddressCheckType
ADDRESS_CHECK_TYPE_BASIC: AddressCheckType
ADDRESS_CHECK_TYPE_PERSON: AddressCheckType
ADDRESS_CHECK_TYPE_BONIVERSUM_BASIC: AddressCheckType
ADDRESS_CHECK_TYPE_BONIVERSUM_PERSON: AddressCheckType
CONSUMER_SCORE_TYPE_UNSPECIFIED: ConsumerScoreType
CONSUMER_SCORE_TYPE_HARD_CRITERIA: ConsumerScoreType
CONSUMER_SCORE_TYPE_ALL_CRITERIA: ConsumerScoreType
CONSUMER_SCORE_TYPE_ALL_CRITERIA_WITH_SCORE: ConsumerScoreType
CONSUMER_SCORE_TYPE_CE: ConsumerScoreType
FILE_TYPE_UNSPECIFIED: FileType
FILE_TYPE_SEPA_MANDATE: FileType
FILE_FORMAT_UNSPECIFIED: FileFormat
FILE_FORMAT_PDF: FileFormat
CANCELLATION_REASON_UNSPECIFIED: CancellationReason
CANCELLATION_REASON_CONSUMER_REQUEST: CancellationReason
CANCELLATION_REASON_UNDELIVERABLE: CancellationReason
CANCELLATION_REASON_DUPLICATE: CancellationReason
CANCELLATION_REASON_FRAUDULENT: CancellationReason

class PersonalData(_message.Message):
    __slots__ = ("customerid", "userid", "salutation", "title", "firstname", "lastname", "company", "street", "addressaddition", "zip", "city", "country", "state", "email", "telephonenumber", "birthday", "language", "vatid", "ip")
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
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    TELEPHONENUMBER_FIELD_NUMBER: _ClassVar[int]
    BIRTHDAY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    VATID_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
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
    country: str
    state: str
    email: str
    telephonenumber: str
    birthday: str
    language: str
    vatid: str
    ip: str
    def __init__(self, customerid: _Optional[str] = ..., userid: _Optional[str] = ..., salutation: _Optional[str] = ..., title: _Optional[str] = ..., firstname: _Optional[str] = ..., lastname: _Optional[str] = ..., company: _Optional[str] = ..., street: _Optional[str] = ..., addressaddition: _Optional[str] = ..., zip: _Optional[str] = ..., city: _Optional[str] = ..., country: _Optional[str] = ..., state: _Optional[str] = ..., email: _Optional[str] = ..., telephonenumber: _Optional[str] = ..., birthday: _Optional[str] = ..., language: _Optional[str] = ..., vatid: _Optional[str] = ..., ip: _Optional[str] = ...) -> None: ...

class DeliveryData(_message.Message):
    __slots__ = ("shipping_firstname", "shipping_lastname", "shipping_company", "shipping_street", "shipping_zip", "shipping_city", "shipping_addressaddition", "shipping_country", "shipping_state")
    SHIPPING_FIRSTNAME_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_LASTNAME_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_COMPANY_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_STREET_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ZIP_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_CITY_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ADDRESSADDITION_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_COUNTRY_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_STATE_FIELD_NUMBER: _ClassVar[int]
    shipping_firstname: str
    shipping_lastname: str
    shipping_company: str
    shipping_street: str
    shipping_zip: str
    shipping_city: str
    shipping_addressaddition: str
    shipping_country: str
    shipping_state: str
    def __init__(self, shipping_firstname: _Optional[str] = ..., shipping_lastname: _Optional[str] = ..., shipping_company: _Optional[str] = ..., shipping_street: _Optional[str] = ..., shipping_zip: _Optional[str] = ..., shipping_city: _Optional[str] = ..., shipping_addressaddition: _Optional[str] = ..., shipping_country: _Optional[str] = ..., shipping_state: _Optional[str] = ...) -> None: ...

class RedirectUrls(_message.Message):
    __slots__ = ("successurl", "errorurl", "backurl")
    SUCCESSURL_FIELD_NUMBER: _ClassVar[int]
    ERRORURL_FIELD_NUMBER: _ClassVar[int]
    BACKURL_FIELD_NUMBER: _ClassVar[int]
    successurl: str
    errorurl: str
    backurl: str
    def __init__(self, successurl: _Optional[str] = ..., errorurl: _Optional[str] = ..., backurl: _Optional[str] = ...) -> None: ...

class Invoicing(_message.Message):
    __slots__ = ("invoiceid", "invoice_deliverymode", "invoice_deliverydate", "invoice_deliveryenddate", "invoiceappendix")
    INVOICEID_FIELD_NUMBER: _ClassVar[int]
    INVOICE_DELIVERYMODE_FIELD_NUMBER: _ClassVar[int]
    INVOICE_DELIVERYDATE_FIELD_NUMBER: _ClassVar[int]
    INVOICE_DELIVERYENDDATE_FIELD_NUMBER: _ClassVar[int]
    INVOICEAPPENDIX_FIELD_NUMBER: _ClassVar[int]
    invoiceid: str
    invoice_deliverymode: InvoiceDeliveryMode
    invoice_deliverydate: str
    invoice_deliveryenddate: str
    invoiceappendix: str
    def __init__(self, invoiceid: _Optional[str] = ..., invoice_deliverymode: _Optional[_Union[InvoiceDeliveryMode, str]] = ..., invoice_deliverydate: _Optional[str] = ..., invoice_deliveryenddate: _Optional[str] = ..., invoiceappendix: _Optional[str] = ...) -> None: ...

class Article(_message.Message):
    __slots__ = ("type", "id", "price", "quantity", "description", "vat_rate", "delivery_date", "delivery_end_date")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VAT_RATE_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_DATE_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_END_DATE_FIELD_NUMBER: _ClassVar[int]
    type: ItemType
    id: str
    price: int
    quantity: int
    description: str
    vat_rate: int
    delivery_date: str
    delivery_end_date: str
    def __init__(self, type: _Optional[_Union[ItemType, str]] = ..., id: _Optional[str] = ..., price: _Optional[int] = ..., quantity: _Optional[int] = ..., description: _Optional[str] = ..., vat_rate: _Optional[int] = ..., delivery_date: _Optional[str] = ..., delivery_end_date: _Optional[str] = ...) -> None: ...
