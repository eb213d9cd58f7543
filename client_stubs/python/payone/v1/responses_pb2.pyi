from payone.v1 import common_pb2 as _common_pb2
from payone.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Status(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STATUS_UNSPECIFIED: _ClassVar[Status]
    STATUS_APPROVED: _ClassVar[Status]
    STATUS_REDIRECT: _ClassVar[Status]
    STATUS_PENDING: _ClassVar[Status]
    STATUS_ERROR: _ClassVar[Status]
    STATUS_VALID: _ClassVar[Status]
    STATUS_INVALID: _ClassVar[Status]
    STATUS_BLOCKED: _ClassVar[Status]
    STATUS_ENROLLED: _ClassVar[Status]
    STATUS_OK: _ClassVar[Status]

class AvsResult(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AVS_RESULT_UNSPECIFIED: _ClassVar[AvsResult]
    AVS_RESULT_A: _ClassVar[AvsResult]
    AVS_RESULT_F: _ClassVar[AvsResult]
    AVS_RESULT_N: _ClassVar[AvsResult]
    AVS_RESULT_U: _ClassVar[AvsResult]
    AVS_RESULT_Z: _ClassVar[AvsResult]

class MandateStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MANDATE_STATUS_UNSPECIFIED: _ClassVar[MandateStatus]
    MANDATE_STATUS_PENDING: _ClassVar[MandateStatus]
    MANDATE_STATUS_ACTIVE: _ClassVar[MandateStatus]

class SecStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SEC_STATUS_UNSPECIFIED: _ClassVar[SecStatus]
    SEC_STATUS_CORRECT: _ClassVar[SecStatus]
    SEC_STATUS_CORRECTABLE: _ClassVar[SecStatus]
    SEC_STATUS_NOT_CORRECTABLE: _ClassVar[SecStatus]

class Score(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SCORE_UNSPECIFIED: _ClassVar[Score]
    SCORE_GREEN: _ClassVar[Score]
    SCORE_YELLOW: _ClassVar[Score]
    SCORE_RED: _ClassVar[Score]

class PersonStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PERSON_STATUS_UNSPECIFIED: _ClassVar[PersonStatus]
    PERSON_STATUS_NONE: _ClassVar[PersonStatus]
    PERSON_STATUS_PPB: _ClassVar[PersonStatus]
    PERSON_STATUS_PHB: _ClassVar[PersonStatus]
    PERSON_STATUS_PAB: _ClassVar[PersonStatus]
    PERSON_STATUS_PKI: _ClassVar[PersonStatus]
    PERSON_STATUS_PNZ: _ClassVar[PersonStatus]
    PERSON_STATUS_PPV: _ClassVar[PersonStatus]
    PERSON_STATUS_PPF: _ClassVar[PersonStatus]
    PERSON_STATUS_PNP: _ClassVar[PersonStatus]
    PERSON_STATUS_PUG: _ClassVar[PersonStatus]
    PERSON_STATUS_PUB: _ClassVar[PersonStatus]
    PERSON_STATUS_PUZ: _ClassVar[PersonStatus]
    PERSON_STATUS_UKN: _ClassVar[PersonStatus]
STATUS_UNSPECIFIED: Status
STATUS_APPROVED: Status
STATUS_REDIRECT: Status
STATUS_PENDING: Status
STATUS_ERROR: Status
STATUS_VALID: Status
STATUS_INVALID: Status
STATUS_BLOCKED: Status
STATUS_ENROLLED: Status
STATUS_OK: Status
AVS_RESULT_UNSPECIFIED: AvsResult
AVS_RESULT_A: AvsResult
AVS_RESULT_F: AvsResult
AVS_RESULT_N: AvsResult
AVS_RESULT_U: AvsResult
AVS_RESULT_Z: AvsResult
MANDATE_STATUS_UNSPECIFIED: MandateStatus
MANDATE_STATUS_PENDING: MandateStatus
MANDATE_STATUS_ACTIVE: MandateStatus
SEC_STATUS_UNSPECIFIED: SecStatus
SEC_STATUS_CORRECT: SecStatus
SEC_STATUS_CORRECTABLE: SecStatus
SEC_STATUS_NOT_CORRECTABLE: SecStatus
SCORE_UNSPECIFIED: Score
SCORE_GREEN: Score
SCORE_YELLOW: Score
SCORE_RED: Score
PERSON_STATUS_UNSPECIFIED: PersonStatus
PERSON_STATUS_NONE: PersonStatus
PERSON_STATUS_PPB: PersonStatus
PERSON_STATUS_PHB: PersonStatus
PERSON_STATUS_PAB: PersonStatus
PERSON_STATUS_PKI: PersonStatus
PERSON_STATUS_PNZ: PersonStatus
PERSON_STATUS_PPV: PersonStatus
PERSON_STATUS_PPF: PersonStatus
PERSON_STATUS_PNP: PersonStatus
PERSON_STATUS_PUG: PersonStatus
PERSON_STATUS_PUB: PersonStatus
PERSON_STATUS_PUZ: PersonStatus
PERSON_STATUS_UKN: PersonStatus

class ClearingData(_message.Message):
    __slots__ = ("clearing_bankaccountholder", "clearing_bankcountry", "clearing_bankaccount", "clearing_bankcode", "clearing_bankiban", "clearing_bankbic", "clearing_bankcity", "clearing_bankname", "clearing_reference", "clearing_instructionnote", "clearing_legalnote", "clearing_duedate", "clearing_date", "clearing_amount")
    CLEARING_BANKACCOUNTHOLDER_FIELD_NUMBER: _ClassVar[int]
    CLEARING_BANKCOUNTRY_FIELD_NUMBER: _ClassVar[int]
    CLEARING_BANKACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CLEARING_BANKCODE_FIELD_NUMBER: _ClassVar[int]
    CLEARING_BANKIBAN_FIELD_NUMBER: _ClassVar[int]
    CLEARING_BANKBIC_FIELD_NUMBER: _ClassVar[int]
    CLEARING_BANKCITY_FIELD_NUMBER: _ClassVar[int]
    CLEARING_BANKNAME_FIELD_NUMBER: _ClassVar[int]
    CLEARING_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    CLEARING_INSTRUCTIONNOTE_FIELD_NUMBER: _ClassVar[int]
    CLEARING_LEGALNOTE_FIELD_NUMBER: _ClassVar[int]
    CLEARING_DUEDATE_FIELD_NUMBER: _ClassVar[int]
    CLEARING_DATE_FIELD_NUMBER: _ClassVar[int]
    CLEARING_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    clearing_bankaccountholder: str
    clearing_bankcountry: str
    clearing_bankaccount: str
    clearing_bankcode: str
    clearing_bankiban: str
    clearing_bankbic: str
    clearing_bankcity: str
    clearing_bankname: str
    clearing_reference: str
    clearing_instructionnote: str
    clearing_legalnote: str
    clearing_duedate: str
    clearing_date: str
    clearing_amount: str
    def __init__(self, clearing_bankaccountholder: _Optional[str] = ..., clearing_bankcountry: _Optional[str] = ..., clearing_bankaccount: _Optional[str] = ..., clearing_bankcode: _Optional[str] = ..., clearing_bankiban: _Optional[str] = ..., clearing_bankbic: _Optional[str] = ..., clearing_bankcity: _Optional[str] = ..., clearing_bankname: _Optional[str] = ..., clearing_reference: _Optional[str] = ..., clearing_instructionnote: _Optional[str] = ..., clearing_legalnote: _Optional[str] = ..., clearing_duedate: _Optional[str] = ..., clearing_date: _Optional[str] = ..., clearing_amount: _Optional[str] = ...) -> None: ...

class CreditorData(_message.Message):
    __slots__ = ("creditor_identifier", "creditor_name", "creditor_street", "creditor_zip", "creditor_city", "creditor_country", "creditor_email")
    CREDITOR_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_NAME_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_STREET_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_ZIP_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_CITY_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_COUNTRY_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_EMAIL_FIELD_NUMBER: _ClassVar[int]
    creditor_identifier: str
    creditor_name: str
    creditor_street: str
    creditor_zip: str
    creditor_city: str
    creditor_country: str
    creditor_email: str
    def __init__(self, creditor_identifier: _Optional[str] = ..., creditor_name: _Optional[str] = ..., creditor_street: _Optional[str] = ..., creditor_zip: _Optional[str] = ..., creditor_city: _Optional[str] = ..., creditor_country: _Optional[str] = ..., creditor_email: _Optional[str] = ...) -> None: ...

class PreauthorizationResponse(_message.Message):
    __slots__ = ("status", "txid", "userid", "redirecturl", "protect_result_avs", "clearing", "mandate_identification", "mandate_dateofsignature", "creditor", "paydata_clearing_reference", "paydata_workorderid", "paydata_reservation_txid", "paydata_content_encoding", "paydata_instruction_notes", "paydata_content_format", "reasoncode", "errorcode", "errormessage", "customermessage", "add_paydata", "other_parameters")
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
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    REDIRECTURL_FIELD_NUMBER: _ClassVar[int]
    PROTECT_RESULT_AVS_FIELD_NUMBER: _ClassVar[int]
    CLEARING_FIELD_NUMBER: _ClassVar[int]
    MANDATE_IDENTIFICATION_FIELD_NUMBER: _ClassVar[int]
    MANDATE_DATEOFSIGNATURE_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_CLEARING_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_WORKORDERID_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_RESERVATION_TXID_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_CONTENT_ENCODING_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_INSTRUCTION_NOTES_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_CONTENT_FORMAT_FIELD_NUMBER: _ClassVar[int]
    REASONCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    txid: str
    userid: str
    redirecturl: str
    protect_result_avs: AvsResult
    clearing: ClearingData
    mandate_identification: str
    mandate_dateofsignature: str
    creditor: CreditorData
    paydata_clearing_reference: str
    paydata_workorderid: str
    paydata_reservation_txid: str
    paydata_content_encoding: str
    paydata_instruction_notes: str
    paydata_content_format: str
    reasoncode: int
    errorcode: int
    errormessage: str
    customermessage: str
    add_paydata: _containers.ScalarMap[str, str]
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., txid: _Optional[str] = ..., userid: _Optional[str] = ..., redirecturl: _Optional[str] = ..., protect_result_avs: _Optional[_Union[AvsResult, str]] = ..., clearing: _Optional[_Union[ClearingData, _Mapping]] = ..., mandate_identification: _Optional[str] = ..., mandate_dateofsignature: _Optional[str] = ..., creditor: _Optional[_Union[CreditorData, _Mapping]] = ..., paydata_clearing_reference: _Optional[str] = ..., paydata_workorderid: _Optional[str] = ..., paydata_reservation_txid: _Optional[str] = ..., paydata_content_encoding: _Optional[str] = ..., paydata_instruction_notes: _Optional[str] = ..., paydata_content_format: _Optional[str] = ..., reasoncode: _Optional[int] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AuthorizationResponse(_message.Message):
    __slots__ = ("status", "txid", "userid", "redirecturl", "protect_result_avs", "clearing", "mandate_identification", "mandate_dateofsignature", "creditor", "paydata_clearing_reference", "paydata_workorderid", "paydata_reservation_txid", "paydata_content_encoding", "paydata_instruction_notes", "paydata_content_format", "reasoncode", "errorcode", "errormessage", "customermessage", "add_paydata", "other_parameters")
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
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    REDIRECTURL_FIELD_NUMBER: _ClassVar[int]
    PROTECT_RESULT_AVS_FIELD_NUMBER: _ClassVar[int]
    CLEARING_FIELD_NUMBER: _ClassVar[int]
    MANDATE_IDENTIFICATION_FIELD_NUMBER: _ClassVar[int]
    MANDATE_DATEOFSIGNATURE_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_CLEARING_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_WORKORDERID_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_RESERVATION_TXID_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_CONTENT_ENCODING_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_INSTRUCTION_NOTES_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_CONTENT_FORMAT_FIELD_NUMBER: _ClassVar[int]
    REASONCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    txid: str
    userid: str
    redirecturl: str
    protect_result_avs: AvsResult
    clearing: ClearingData
    mandate_identification: str
    mandate_dateofsignature: str
    creditor: CreditorData
    paydata_clearing_reference: str
    paydata_workorderid: str
    paydata_reservation_txid: str
    paydata_content_encoding: str
    paydata_instruction_notes: str
    paydata_content_format: str
    reasoncode: int
    errorcode: int
    errormessage: str
    customermessage: str
    add_paydata: _containers.ScalarMap[str, str]
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., txid: _Optional[str] = ..., userid: _Optional[str] = ..., redirecturl: _Optional[str] = ..., protect_result_avs: _Optional[_Union[AvsResult, str]] = ..., clearing: _Optional[_Union[ClearingData, _Mapping]] = ..., mandate_identification: _Optional[str] = ..., mandate_dateofsignature: _Optional[str] = ..., creditor: _Optional[_Union[CreditorData, _Mapping]] = ..., paydata_clearing_reference: _Optional[str] = ..., paydata_workorderid: _Optional[str] = ..., paydata_reservation_txid: _Optional[str] = ..., paydata_content_encoding: _Optional[str] = ..., paydata_instruction_notes: _Optional[str] = ..., paydata_content_format: _Optional[str] = ..., reasoncode: _Optional[int] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CaptureResponse(_message.Message):
    __slots__ = ("status", "txid", "userid", "settleaccount", "clearing", "mandate_identification", "creditor", "reasoncode", "errorcode", "errormessage", "customermessage", "add_paydata", "other_parameters")
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
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    SETTLEACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CLEARING_FIELD_NUMBER: _ClassVar[int]
    MANDATE_IDENTIFICATION_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_FIELD_NUMBER: _ClassVar[int]
    REASONCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    txid: str
    userid: str
    settleaccount: _common_pb2.SettleAccount
    clearing: ClearingData
    mandate_identification: str
    creditor: CreditorData
    reasoncode: int
    errorcode: int
    errormessage: str
    customermessage: str
    add_paydata: _containers.ScalarMap[str, str]
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., txid: _Optional[str] = ..., userid: _Optional[str] = ..., settleaccount: _Optional[_Union[_common_pb2.SettleAccount, str]] = ..., clearing: _Optional[_Union[ClearingData, _Mapping]] = ..., mandate_identification: _Optional[str] = ..., creditor: _Optional[_Union[CreditorData, _Mapping]] = ..., reasoncode: _Optional[int] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DebitResponse(_message.Message):
    __slots__ = ("status", "txid", "settleaccount", "errorcode", "errormessage", "customermessage", "add_paydata", "other_parameters")
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
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    SETTLEACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    txid: str
    settleaccount: _common_pb2.SettleAccount
    errorcode: int
    errormessage: str
    customermessage: str
    add_paydata: _containers.ScalarMap[str, str]
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., txid: _Optional[str] = ..., settleaccount: _Optional[_Union[_common_pb2.SettleAccount, str]] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class RefundResponse(_message.Message):
    __slots__ = ("status", "txid", "protect_result_avs", "errorcode", "errormessage", "customermessage", "add_paydata", "other_parameters")
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
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    PROTECT_RESULT_AVS_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    txid: str
    protect_result_avs: AvsResult
    errorcode: int
    errormessage: str
    customermessage: str
    add_paydata: _containers.ScalarMap[str, str]
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., txid: _Optional[str] = ..., protect_result_avs: _Optional[_Union[AvsResult, str]] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class VauthorizationResponse(_message.Message):
    __slots__ = ("status", "vxid", "vaid", "userid", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VXID_FIELD_NUMBER: _ClassVar[int]
    VAID_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    vxid: str
    vaid: str
    userid: str
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., vxid: _Optional[str] = ..., vaid: _Optional[str] = ..., userid: _Optional[str] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ThreeDSCheckResponse(_message.Message):
    __slots__ = ("status", "acsurl", "termurl", "pareq", "md", "xid", "pseudocardpan", "truncatedcardpan", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ACSURL_FIELD_NUMBER: _ClassVar[int]
    TERMURL_FIELD_NUMBER: _ClassVar[int]
    PAREQ_FIELD_NUMBER: _ClassVar[int]
    MD_FIELD_NUMBER: _ClassVar[int]
    XID_FIELD_NUMBER: _ClassVar[int]
    PSEUDOCARDPAN_FIELD_NUMBER: _ClassVar[int]
    TRUNCATEDCARDPAN_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    acsurl: str
    termurl: str
    pareq: str
    md: str
    xid: str
    pseudocardpan: str
    truncatedcardpan: str
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., acsurl: _Optional[str] = ..., termurl: _Optional[str] = ..., pareq: _Optional[str] = ..., md: _Optional[str] = ..., xid: _Optional[str] = ..., pseudocardpan: _Optional[str] = ..., truncatedcardpan: _Optional[str] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CreditCardCheckResponse(_message.Message):
    __slots__ = ("status", "pseudocardpan", "truncatedcardpan", "cardtype", "cardexpiredate", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PSEUDOCARDPAN_FIELD_NUMBER: _ClassVar[int]
    TRUNCATEDCARDPAN_FIELD_NUMBER: _ClassVar[int]
    CARDTYPE_FIELD_NUMBER: _ClassVar[int]
    CARDEXPIREDATE_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    pseudocardpan: str
    truncatedcardpan: str
    cardtype: _common_pb2.CardType
    cardexpiredate: str
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., pseudocardpan: _Optional[str] = ..., truncatedcardpan: _Optional[str] = ..., cardtype: _Optional[_Union[_common_pb2.CardType, str]] = ..., cardexpiredate: _Optional[str] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class BankAccountCheckResponse(_message.Message):
    __slots__ = ("status", "bankcountry", "bankcode", "bankaccount", "bankbranchcode", "bankcheckdigit", "iban", "bic", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    BANKCOUNTRY_FIELD_NUMBER: _ClassVar[int]
    BANKCODE_FIELD_NUMBER: _ClassVar[int]
    BANKACCOUNT_FIELD_NUMBER: _ClassVar[int]
    BANKBRANCHCODE_FIELD_NUMBER: _ClassVar[int]
    BANKCHECKDIGIT_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    bankcountry: str
    bankcode: str
    bankaccount: str
    bankbranchcode: str
    bankcheckdigit: str
    iban: str
    bic: str
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., bankcountry: _Optional[str] = ..., bankcode: _Optional[str] = ..., bankaccount: _Optional[str] = ..., bankbranchcode: _Optional[str] = ..., bankcheckdigit: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AddressCheckResponse(_message.Message):
    __slots__ = ("status", "secstatus", "personstatus", "street", "street2", "streetname", "streetnumber", "zip", "city", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SECSTATUS_FIELD_NUMBER: _ClassVar[int]
    PERSONSTATUS_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    STREET2_FIELD_NUMBER: _ClassVar[int]
    STREETNAME_FIELD_NUMBER: _ClassVar[int]
    STREETNUMBER_FIELD_NUMBER: _ClassVar[int]
    ZIP_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    secstatus: SecStatus
    personstatus: PersonStatus
    street: str
    street2: str
    streetname: str
    streetnumber: str
    zip: str
    city: str
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., secstatus: _Optional[_Union[SecStatus, str]] = ..., personstatus: _Optional[_Union[PersonStatus, str]] = ..., street: _Optional[str] = ..., street2: _Optional[str] = ..., streetname: _Optional[str] = ..., streetnumber: _Optional[str] = ..., zip: _Optional[str] = ..., city: _Optional[str] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ConsumerScoreResponse(_message.Message):
    __slots__ = ("status", "secstatus", "score", "scorevalue", "secscore", "divergence", "personstatus", "firstname", "lastname", "street", "streetname", "streetnumber", "zip", "city", "gender", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SECSTATUS_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    SCOREVALUE_FIELD_NUMBER: _ClassVar[int]
    SECSCORE_FIELD_NUMBER: _ClassVar[int]
    DIVERGENCE_FIELD_NUMBER: _ClassVar[int]
    PERSONSTATUS_FIELD_NUMBER: _ClassVar[int]
    FIRSTNAME_FIELD_NUMBER: _ClassVar[int]
    LASTNAME_FIELD_NUMBER: _ClassVar[int]
    STREET_FIELD_NUMBER: _ClassVar[int]
    STREETNAME_FIELD_NUMBER: _ClassVar[int]
    STREETNUMBER_FIELD_NUMBER: _ClassVar[int]
    ZIP_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    secstatus: SecStatus
    score: Score
    scorevalue: str
    secscore: str
    divergence: str
    personstatus: PersonStatus
    firstname: str
    lastname: str
    street: str
    streetname: str
    streetnumber: str
    zip: str
    city: str
    gender: _common_pb2.Gender
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., secstatus: _Optional[_Union[SecStatus, str]] = ..., score: _Optional[_Union[Score, str]] = ..., scorevalue: _Optional[str] = ..., secscore: _Optional[str] = ..., divergence: _Optional[str] = ..., personstatus: _Optional[_Union[PersonStatus, str]] = ..., firstname: _Optional[str] = ..., lastname: _Optional[str] = ..., street: _Optional[str] = ..., streetname: _Optional[str] = ..., streetnumber: _Optional[str] = ..., zip: _Optional[str] = ..., city: _Optional[str] = ..., gender: _Optional[_Union[_common_pb2.Gender, str]] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ManageMandateResponse(_message.Message):
    __slots__ = ("status", "mandate_identification", "mandate_status", "mandate_text", "mandate_dateofsignature", "creditor_identifier", "iban", "bic", "userid", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MANDATE_IDENTIFICATION_FIELD_NUMBER: _ClassVar[int]
    MANDATE_STATUS_FIELD_NUMBER: _ClassVar[int]
    MANDATE_TEXT_FIELD_NUMBER: _ClassVar[int]
    MANDATE_DATEOFSIGNATURE_FIELD_NUMBER: _ClassVar[int]
    CREDITOR_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    IBAN_FIELD_NUMBER: _ClassVar[int]
    BIC_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    mandate_identification: str
    mandate_status: MandateStatus
    mandate_text: str
    mandate_dateofsignature: str
    creditor_identifier: str
    iban: str
    bic: str
    userid: str
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., mandate_identification: _Optional[str] = ..., mandate_status: _Optional[_Union[MandateStatus, str]] = ..., mandate_text: _Optional[str] = ..., mandate_dateofsignature: _Optional[str] = ..., creditor_identifier: _Optional[str] = ..., iban: _Optional[str] = ..., bic: _Optional[str] = ..., userid: _Optional[str] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetFileResponse(_message.Message):
    __slots__ = ("status", "content", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    content: bytes
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., content: _Optional[bytes] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetInvoiceResponse(_message.Message):
    __slots__ = ("status", "content", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    content: bytes
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., content: _Optional[bytes] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GenericPaymentResponse(_message.Message):
    __slots__ = ("status", "workorderid", "redirecturl", "txid", "paydata_client_token", "paydata_session_id", "paydata_signature", "paydata_payload", "paydata_email", "errorcode", "errormessage", "customermessage", "add_paydata", "other_parameters")
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
    STATUS_FIELD_NUMBER: _ClassVar[int]
    WORKORDERID_FIELD_NUMBER: _ClassVar[int]
    REDIRECTURL_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_CLIENT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    PAYDATA_EMAIL_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    ADD_PAYDATA_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    workorderid: str
    redirecturl: str
    txid: str
    paydata_client_token: str
    paydata_session_id: str
    paydata_signature: str
    paydata_payload: str
    paydata_email: str
    errorcode: int
    errormessage: str
    customermessage: str
    add_paydata: _containers.ScalarMap[str, str]
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., workorderid: _Optional[str] = ..., redirecturl: _Optional[str] = ..., txid: _Optional[str] = ..., paydata_client_token: _Optional[str] = ..., paydata_session_id: _Optional[str] = ..., paydata_signature: _Optional[str] = ..., paydata_payload: _Optional[str] = ..., paydata_email: _Optional[str] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., add_paydata: _Optional[_Mapping[str, str]] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UpdateUserResponse(_message.Message):
    __slots__ = ("status", "userid", "errorcode", "errormessage", "customermessage", "other_parameters")
    class OtherParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    ERRORMESSAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERMESSAGE_FIELD_NUMBER: _ClassVar[int]
    OTHER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    status: Status
    userid: str
    errorcode: int
    errormessage: str
    customermessage: str
    other_parameters: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Union[Status, str]] = ..., userid: _Optional[str] = ..., errorcode: _Optional[int] = ..., errormessage: _Optional[str] = ..., customermessage: _Optional[str] = ..., other_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...
