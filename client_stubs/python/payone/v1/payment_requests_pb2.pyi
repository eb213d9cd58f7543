from payone.v1 import common_pb2 as _common_pb2
from payone.v1 import options_pb2 as _options_pb2
from payone.v1 import payment_methods_pb2 as _payment_methods_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PreauthorizationRequest(_message.Message):
    __slots__ = ("account", "reference", "amount", "currency", "param", "narrative_text", "transaction_param", "customer_is_present", "recurrence", "settleaccount", "workorderid", "personal_data", "businessrelation", "gender", "personalid", "usertoken", "delivery_data", "redirect_urls", "invoicing", "document_date", "booking_date", "due_time", "items", "add_paydata", "credit_card", "sepa_direct_debit", "prepayment", "invoice", "cash_on_delivery", "online_bank_transfer", "wallet", "financing", "secured_invoice", "secured_installment", "secured_direct_debit", "cash")
    class AddPaydataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    PARAM_FIELD_NUMBER: _ClassVar[int]
    NARRATIVE_TEXT_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_PARAM_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_IS_PRESENT_FIELD_NUMBER: _ClassVar[int]
    RECURRENCE_FIELD_NUMBER: _ClassVar[int]
    SETTLEACCOUNT_FIELD_NUMBER: _ClassVar[int]
    WORKORDERID_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_DATA_FIELD_NUMBER: _ClassVar[int]
    BUSINESSRELATION_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    PERSONALID_FIELD_NUMBER: _ClassVar[int]
    USERTOKEN_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_DATA_FIELD_NUMBER: _ClassVar[int]
    REDIRECT_URLS_FIELD_NUMBER: _ClassVar[int]
    INVOICING_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_DATE_FIELD_NUMBER: _ClassVar[int]
    BOOKING_DATE_FIELD_NUMBER: _ClassVar[int]
    DUE_TIME_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    CREDIT_CARD_FIELD_NUMBER: _ClassVar[int]
    SEPA_DIRECT_DEBIT_FIELD_NUMBER: _ClassVar[int]
    PREPAYMENT_FIELD_NUMBER: _ClassVar[int]
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    CASH_ON_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    ONLINE_BANK_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    WALLET_FIELD_NUMBER: _ClassVar[int]
    FINANCING_FIELD_NUMBER: _ClassVar[int]
    SECURED_INVOICE_FIELD_NUMBER: _ClassVar[int]
    SECURED_INSTALLMENT_FIELD_NUMBER: _ClassVar[int]
    SECURED_DIRECT_DEBIT_FIELD_NUMBER: _ClassVar[int]
    CASH_FIELD_NUMBER: _ClassVar[int]
    account: str
    reference: str
    amount: int
    currency: str
    param: str
    narrative_text: str
    transaction_param: str
    customer_is_present: bool
    recurrence: _common_pb2.Recurrence
    settleaccount: _common_pb2.SettleAccount
    workorderid: str
    personal_data: _common_pb2.PersonalData
    businessrelation: _common_pb2.BusinessRelation
    gender: _common_pb2.Gender
    personalid: str
    usertoken: str
    delivery_data: _common_pb2.DeliveryData
    redirect_urls: _common_pb2.RedirectUrls
    invoicing: _common_pb2.Invoicing
    document_date: str
    booking_date: str
    due_time: str
    items: _containers.RepeatedCompositeFieldContainer[_common_pb2.Article]
    add_paydata: _containers.ScalarMap[str, str]
    credit_card: _payment_methods_pb2.CreditCardPayment
    sepa_direct_debit: _payment_methods_pb2.SepaDirectDebitPayment
    prepayment: _payment_methods_pb2.PrepaymentPayment
    invoice: _payment_methods_pb2.InvoicePayment
    cash_on_delivery: _payment_methods_pb2.CashOnDeliveryPayment
    online_bank_transfer: _payment_methods_pb2.OnlineBankTransferPayment
    wallet: _payment_methods_pb2.WalletPayment
    financing: _payment_methods_pb2.FinancingPayment
    secured_invoice: _payment_methods_pb2.SecuredInvoicePayment
    secured_installment: _payment_methods_pb2.SecuredInstallmentPayment
    secured_direct_debit: _payment_methods_pb2.SecuredDirectDebitPayment
    cash: _payment_methods_pb2.CashPayment
    def __init__(self, account: _Optional[str] = ..., reference: _Optional[str] = ..., amount: _Optional[int] = ..., currency: _Optional[str] = ..., param: _Optional[str] = ..., narrative_text: _Optional[str] = ..., transaction_param: _Optional[str] = ..., customer_is_present: _Optional[bool] = ..., recurrence: _Optional[_Union[_common_pb2.Recurrence, str]] = ..., settleaccount: _Optional[_Union[_common_pb2.SettleAccount, str]] = ..., workorderid: _Optional[str] = ..., personal_data: _Optional[_Union[_common_pb2.PersonalData, _Mapping]] = ..., businessrelation: _Optional[_Union[_common_pb2.BusinessRelation, str]] = ..., gender: _Optional[_Union[_common_pb2.Gender, str]] = ..., personalid: _Optional[str] = ..., usertoken: _Optional[str] = ..., delivery_data: _Optional[_Union[_common_pb2.DeliveryData, _Mapping]] = ..., redirect_urls: _Optional[_Union[_common_pb2.RedirectUrls, _Mapping]] = ..., invoicing: _Optional[_Union[_common_pb2.Invoicing, _Mapping]] = ..., document_date: _Optional[str] = ..., booking_date: _Optional[str] = ..., due_time: _Optional[str] = ..., items: _Optional[_Iterable[_Union[_common_pb2.Article, _Mapping]]] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., credit_card: _Optional[_Union[_payment_methods_pb2.CreditCardPayment, _Mapping]] = ..., sepa_direct_debit: _Optional[_Union[_payment_methods_pb2.SepaDirectDebitPayment, _Mapping]] = ..., prepayment: _Optional[_Union[_payment_methods_pb2.PrepaymentPayment, _Mapping]] = ..., invoice: _Optional[_Union[_payment_methods_pb2.InvoicePayment, _Mapping]] = ..., cash_on_delivery: _Optional[_Union[_payment_methods_pb2.CashOnDeliveryPayment, _Mapping]] = ..., online_bank_transfer: _Optional[_Union[_payment_methods_pb2.OnlineBankTransferPayment, _Mapping]] = ..., wallet: _Optional[_Union[_payment_methods_pb2.WalletPayment, _Mapping]] = ..., financing: _Optional[_Union[_payment_methods_pb2.FinancingPayment, _Mapping]] = ..., secured_invoice: _Optional[_Union[_payment_methods_pb2.SecuredInvoicePayment, _Mapping]] = ..., secured_installment: _Optional[_Union[_payment_methods_pb2.SecuredInstallmentPayment, _Mapping]] = ..., secured_direct_debit: _Optional[_Union[_payment_methods_pb2.SecuredDirectDebitPayment, _Mapping]] = ..., cash: _Optional[_Union[_payment_methods_pb2.CashPayment, _Mapping]] = ...) -> None: ...

class AuthorizationRequest(_message.Message):
    __slots__ = ("account", "reference", "amount", "currency", "param", "narrative_text", "transaction_param", "customer_is_present", "recurrence", "settleaccount", "workorderid", "personal_data", "businessrelation", "gender", "personalid", "usertoken", "delivery_data", "redirect_urls", "invoicing", "document_date", "booking_date", "due_time", "items", "add_paydata", "credit_card", "sepa_direct_debit", "invoice", "cash_on_delivery", "online_bank_transfer", "wallet", "financing", "secured_invoice", "secured_installment", "secured_direct_debit", "cash")
    class AddPaydataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    PARAM_FIELD_NUMBER: _ClassVar[int]
    NARRATIVE_TEXT_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_PARAM_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_IS_PRESENT_FIELD_NUMBER: _ClassVar[int]
    RECURRENCE_FIELD_NUMBER: _ClassVar[int]
    SETTLEACCOUNT_FIELD_NUMBER: _ClassVar[int]
    WORKORDERID_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_DATA_FIELD_NUMBER: _ClassVar[int]
    BUSINESSRELATION_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    PERSONALID_FIELD_NUMBER: _ClassVar[int]
    USERTOKEN_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_DATA_FIELD_NUMBER: _ClassVar[int]
    REDIRECT_URLS_FIELD_NUMBER: _ClassVar[int]
    INVOICING_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_DATE_FIELD_NUMBER: _ClassVar[int]
    BOOKING_DATE_FIELD_NUMBER: _ClassVar[int]
    DUE_TIME_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    CREDIT_CARD_FIELD_NUMBER: _ClassVar[int]
    SEPA_DIRECT_DEBIT_FIELD_NUMBER: _ClassVar[int]
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    CASH_ON_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    ONLINE_BANK_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    WALLET_FIELD_NUMBER: _ClassVar[int]
    FINANCING_FIELD_NUMBER: _ClassVar[int]
    SECURED_INVOICE_FIELD_NUMBER: _ClassVar[int]
    SECURED_INSTALLMENT_FIELD_NUMBER: _ClassVar[int]
    SECURED_DIRECT_DEBIT_FIELD_NUMBER: _ClassVar[int]
    CASH_FIELD_NUMBER: _ClassVar[int]
    account: str
    reference: str
    amount: int
    currency: str
    param: str
    narrative_text: str
    transaction_param: str
    customer_is_present: bool
    recurrence: _common_pb2.Recurrence
    settleaccount: _common_pb2.SettleAccount
    workorderid: str
    personal_data: _common_pb2.PersonalData
    businessrelation: _common_pb2.BusinessRelation
    gender: _common_pb2.Gender
    personalid: str
    usertoken: str
    delivery_data: _common_pb2.DeliveryData
    redirect_urls: _common_pb2.RedirectUrls
    invoicing: _common_pb2.Invoicing
    document_date: str
    booking_date: str
    due_time: str
    items: _containers.RepeatedCompositeFieldContainer[_common_pb2.Article]
    add_paydata: _containers.ScalarMap[str, str]
    credit_card: _payment_methods_pb2.CreditCardPayment
    sepa_direct_debit: _payment_methods_pb2.SepaDirectDebitPayment
    invoice: _payment_methods_pb2.InvoicePayment
    cash_on_delivery: _payment_methods_pb2.CashOnDeliveryPayment
    online_bank_transfer: _payment_methods_pb2.OnlineBankTransferPayment
    wallet: _payment_methods_pb2.WalletPayment
    financing: _payment_methods_pb2.FinancingPayment
    secured_invoice: _payment_methods_pb2.SecuredInvoicePayment
    secured_installment: _payment_methods_pb2.SecuredInstallmentPayment
    secured_direct_debit: _payment_methods_pb2.SecuredDirectDebitPayment
    cash: _payment_methods_pb2.CashPayment
    def __init__(self, account: _Optional[str] = ..., reference: _Optional[str] = ..., amount: _Optional[int] = ..., currency: _Optional[str] = ..., param: _Optional[str] = ..., narrative_text: _Optional[str] = ..., transaction_param: _Optional[str] = ..., customer_is_present: _Optional[bool] = ..., recurrence: _Optional[_Union[_common_pb2.Recurrence, str]] = ..., settleaccount: _Optional[_Union[_common_pb2.SettleAccount, str]] = ..., workorderid: _Optional[str] = ..., personal_data: _Optional[_Union[_common_pb2.PersonalData, _Mapping]] = ..., businessrelation: _Optional[_Union[_common_pb2.BusinessRelation, str]] = ..., gender: _Optional[_Union[_common_pb2.Gender, str]] = ..., personalid: _Optional[str] = ..., usertoken: _Optional[str] = ..., delivery_data: _Optional[_Union[_common_pb2.DeliveryData, _Mapping]] = ..., redirect_urls: _Optional[_Union[_common_pb2.RedirectUrls, _Mapping]] = ..., invoicing: _Optional[_Union[_common_pb2.Invoicing, _Mapping]] = ..., document_date: _Optional[str] = ..., booking_date: _Optional[str] = ..., due_time: _Optional[str] = ..., items: _Optional[_Iterable[_Union[_common_pb2.Article, _Mapping]]] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., credit_card: _Optional[_Union[_payment_methods_pb2.CreditCardPayment, _Mapping]] = ..., sepa_direct_debit: _Optional[_Union[_payment_methods_pb2.SepaDirectDebitPayment, _Mapping]] = ..., invoice: _Optional[_Union[_payment_methods_pb2.InvoicePayment, _Mapping]] = ..., cash_on_delivery: _Optional[_Union[_payment_methods_pb2.CashOnDeliveryPayment, _Mapping]] = ..., online_bank_transfer: _Optional[_Union[_payment_methods_pb2.OnlineBankTransferPayment, _Mapping]] = ..., wallet: _Optional[_Union[_payment_methods_pb2.WalletPayment, _Mapping]] = ..., financing: _Optional[_Union[_payment_methods_pb2.FinancingPayment, _Mapping]] = ..., secured_invoice: _Optional[_Union[_payment_methods_pb2.SecuredInvoicePayment, _Mapping]] = ..., secured_installment: _Optional[_Union[_payment_methods_pb2.SecuredInstallmentPayment, _Mapping]] = ..., secured_direct_debit: _Optional[_Union[_payment_methods_pb2.SecuredDirectDebitPayment, _Mapping]] = ..., cash: _Optional[_Union[_payment_methods_pb2.CashPayment, _Mapping]] = ...) -> None: ...

class CaptureRequest(_message.Message):
    __slots__ = ("account", "txid", "sequencenumber", "amount", "currency", "capturemode", "settleaccount", "clearingtype", "narrative_text", "transaction_param", "invoicing", "items", "cancellation_reason", "shop_id", "add_paydata")
    class AddPaydataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    SEQUENCENUMBER_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CAPTUREMODE_FIELD_NUMBER: _ClassVar[int]
    SETTLEACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CLEARINGTYPE_FIELD_NUMBER: _ClassVar[int]
    NARRATIVE_TEXT_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_PARAM_FIELD_NUMBER: _ClassVar[int]
    INVOICING_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    CANCELLATION_REASON_FIELD_NUMBER: _ClassVar[int]
    SHOP_ID_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    account: str
    txid: str
    sequencenumber: int
    amount: int
    currency: str
    capturemode: _common_pb2.CaptureMode
    settleaccount: _common_pb2.SettleAccount
    clearingtype: _common_pb2.ClearingType
    narrative_text: str
    transaction_param: str
    invoicing: _common_pb2.Invoicing
    items: _containers.RepeatedCompositeFieldContainer[_common_pb2.Article]
    cancellation_reason: _common_pb2.CancellationReason
    shop_id: str
    add_paydata: _containers.ScalarMap[str, str]
    def __init__(self, account: _Optional[str] = ..., txid: _Optional[str] = ..., sequencenumber: _Optional[int] = ..., amount: _Optional[int] = ..., currency: _Optional[str] = ..., capturemode: _Optional[_Union[_common_pb2.CaptureMode, str]] = ..., settleaccount: _Optional[_Union[_common_pb2.SettleAccount, str]] = ..., clearingtype: _Optional[_Union[_common_pb2.ClearingType, str]] = ..., narrative_text: _Optional[str] = ..., transaction_param: _Optional[str] = ..., invoicing: _Optional[_Union[_common_pb2.Invoicing, _Mapping]] = ..., items: _Optional[_Iterable[_Union[_common_pb2.Article, _Mapping]]] = ..., cancellation_reason: _Optional[_Union[_common_pb2.CancellationReason, str]] = ..., shop_id: _Optional[str] = ..., add_paydata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DebitRequest(_message.Message):
    __slots__ = ("account", "txid", "sequencenumber", "amount", "currency", "transactiontype", "settleaccount", "use_customerdata", "narrative_text", "transaction_param", "booking_date", "document_date", "invoicing", "items", "cancellation_reason", "shop_id", "add_paydata", "credit_card", "sepa_direct_debit", "wallet")
    class AddPaydataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    SEQUENCENUMBER_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    TRANSACTIONTYPE_FIELD_NUMBER: _ClassVar[int]
    SETTLEACCOUNT_FIELD_NUMBER: _ClassVar[int]
    USE_CUSTOMERDATA_FIELD_NUMBER: _ClassVar[int]
    NARRATIVE_TEXT_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_PARAM_FIELD_NUMBER: _ClassVar[int]
    BOOKING_DATE_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_DATE_FIELD_NUMBER: _ClassVar[int]
    INVOICING_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    CANCELLATION_REASON_FIELD_NUMBER: _ClassVar[int]
    SHOP_ID_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    CREDIT_CARD_FIELD_NUMBER: _ClassVar[int]
    SEPA_DIRECT_DEBIT_FIELD_NUMBER: _ClassVar[int]
    WALLET_FIELD_NUMBER: _ClassVar[int]
    account: str
    txid: str
    sequencenumber: int
    amount: int
    currency: str
    transactiontype: _common_pb2.TransactionType
    settleaccount: _common_pb2.SettleAccount
    use_customerdata: bool
    narrative_text: str
    transaction_param: str
    booking_date: str
    document_date: str
    invoicing: _common_pb2.Invoicing
    items: _containers.RepeatedCompositeFieldContainer[_common_pb2.Article]
    cancellation_reason: _common_pb2.CancellationReason
    shop_id: str
    add_paydata: _containers.ScalarMap[str, str]
    credit_card: _payment_methods_pb2.CreditCardPayment
    sepa_direct_debit: _payment_methods_pb2.SepaDirectDebitPayment
    wallet: _payment_methods_pb2.WalletPayment
    def __init__(self, account: _Optional[str] = ..., txid: _Optional[str] = ..., sequencenumber: _Optional[int] = ..., amount: _Optional[int] = ..., currency: _Optional[str] = ..., transactiontype: _Optional[_Union[_common_pb2.TransactionType, str]] = ..., settleaccount: _Optional[_Union[_common_pb2.SettleAccount, str]] = ..., use_customerdata: _Optional[bool] = ..., narrative_text: _Optional[str] = ..., transaction_param: _Optional[str] = ..., booking_date: _Optional[str] = ..., document_date: _Optional[str] = ..., invoicing: _Optional[_Union[_common_pb2.Invoicing, _Mapping]] = ..., items: _Optional[_Iterable[_Union[_common_pb2.Article, _Mapping]]] = ..., cancellation_reason: _Optional[_Union[_common_pb2.CancellationReason, str]] = ..., shop_id: _Optional[str] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., credit_card: _Optional[_Union[_payment_methods_pb2.CreditCardPayment, _Mapping]] = ..., sepa_direct_debit: _Optional[_Union[_payment_methods_pb2.SepaDirectDebitPayment, _Mapping]] = ..., wallet: _Optional[_Union[_payment_methods_pb2.WalletPayment, _Mapping]] = ...) -> None: ...

class RefundRequest(_message.Message):
    __slots__ = ("account", "txid", "sequencenumber", "amount", "currency", "narrative_text", "use_customerdata", "transaction_param", "iban", "bic", "bankcountry", "bankaccount", "bankcode", "bankbranchcode", "bankcheckdigit", "items", "add_paydata")
    class AddPaydataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    SEQUENCENUMBER_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    NARRATIVE_TEXT_FIELD_NUMBER: _ClassVar[int]
    USE_CUSTOMERDATA_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_PARAM_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    BANKCOUNTRY_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNT_FIELD_NUMBER: _ClassVar[int]
    BANKCODE_FIELD_NUMBER: _ClassVar[int]
    BANKBRANCHCODE_FIELD_NUMBER: _ClassVar[int]
    BANKCHECKDIGIT_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    account: str
    txid: str
    sequencenumber: int
    amount: int
    currency: str
    narrative_text: str
    use_customerdata: bool
    transaction_param: str
    iban: str
    bic: str
    bankcountry: str
    bankaccount: str
    bankcode: str
    bankbranchcode: str
    bankcheckdigit: str
    items: _containers.RepeatedCompositeFieldContainer[_common_pb2.Article]
    add_paydata: _containers.ScalarMap[str, str]
    def __init__(self, account: _Optional[str] = ..., txid: _Optional[str] = ..., sequencenumber: _Optional[int] = ..., amount: _Optional[int] = ..., currency: _Optional[str] = ..., narrative_text: _Optional[str] = ..., use_customerdata: _Optional[bool] = ..., transaction_param: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., bankcountry: _Optional[str] = ..., bankaccount: _Optional[str] = ..., bankcode: _Optional[str] = ..., bankbranchcode: _Optional[str] = ..., bankcheckdigit: _Optional[str] = ..., items: _Optional[_Iterable[_Union[_common_pb2.Article, _Mapping]]] = ..., add_paydata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class VauthorizationRequest(_message.Message):
    __slots__ = ("account", "vreference", "vaccountname", "amount", "currency", "settle_period_length", "settle_period_unit", "settletime", "payout_open_balance", "param", "workorderid", "personal_data", "delivery_data", "redirect_urls", "invoice_deliverymode", "items", "credit_card", "sepa_direct_debit", "invoice", "financing")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    VREFERENCE_FIELD_NUMBER: _ClassVar[int]
    VACCOUNTNAME_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    SETTLE_PERIOD_LENGTH_FIELD_NUMBER: _ClassVar[int]
    SETTLE_PERIOD_UNIT_FIELD_NUMBER: _ClassVar[int]
    SETTLETIME_FIELD_NUMBER: _ClassVar[int]
    PAYOUT_OPEN_BALANCE_FIELD_NUMBER: _ClassVar[int]
    PARAM_FIELD_NUMBER: _ClassVar[int]
    WORKORDERID_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_DATA_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_DATA_FIELD_NUMBER: _ClassVar[int]
    REDIRECT_URLS_FIELD_NUMBER: _ClassVar[int]
    INVOICE_DELIVERYMODE_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    CREDIT_CARD_FIELD_NUMBER: _ClassVar[int]
    SEPA_DIRECT_DEBIT_FIELD_NUMBER: _ClassVar[int]
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    FINANCING_FIELD_NUMBER: _ClassVar[int]
    account: str
    vreference: str
    vaccountname: str
    amount: int
    currency: str
    settle_period_length: int
    settle_period_unit: _common_pb2.PeriodUnit
    settletime: int
    payout_open_balance: bool
    param: str
    workorderid: str
    personal_data: _common_pb2.PersonalData
    delivery_data: _common_pb2.DeliveryData
    redirect_urls: _common_pb2.RedirectUrls
    invoice_deliverymode: _common_pb2.InvoiceDeliveryMode
    items: _containers.RepeatedCompositeFieldContainer[_common_pb2.Article]
    credit_card: _payment_methods_pb2.CreditCardPayment
    sepa_direct_debit: _payment_methods_pb2.SepaDirectDebitPayment
    invoice: _payment_methods_pb2.InvoicePayment
    financing: _payment_methods_pb2.FinancingPayment
    def __init__(self, account: _Optional[str] = ..., vreference: _Optional[str] = ..., vaccountname: _Optional[str] = ..., amount: _Optional[int] = ..., currency: _Optional[str] = ..., settle_period_length: _Optional[int] = ..., settle_period_unit: _Optional[_Union[_common_pb2.PeriodUnit, str]] = ..., settletime: _Optional[int] = ..., payout_open_balance: _Optional[bool] = ..., param: _Optional[str] = ..., workorderid: _Optional[str] = ..., personal_data: _Optional[_Union[_common_pb2.PersonalData, _Mapping]] = ..., delivery_data: _Optional[_Union[_common_pb2.DeliveryData, _Mapping]] = ..., redirect_urls: _Optional[_Union[_common_pb2.RedirectUrls, _Mapping]] = ..., invoice_deliverymode: _Optional[_Union[_common_pb2.InvoiceDeliveryMode, str]] = ..., items: _Optional[_Iterable[_Union[_common_pb2.Article, _Mapping]]] = ..., credit_card: _Optional[_Union[_payment_methods_pb2.CreditCardPayment, _Mapping]] = ..., sepa_direct_debit: _Optional[_Union[_payment_methods_pb2.SepaDirectDebitPayment, _Mapping]] = ..., invoice: _Optional[_Union[_payment_methods_pb2.InvoicePayment, _Mapping]] = ..., financing: _Optional[_Union[_payment_methods_pb2.FinancingPayment, _Mapping]] = ...) -> None: ...
