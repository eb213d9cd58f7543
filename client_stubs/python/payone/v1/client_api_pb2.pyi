from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ClientApiResponseType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CLIENT_API_RESPONSE_TYPE_UNSPECIFIED: _ClassVar[ClientApiResponseType]
    CLIENT_API_RESPONSE_TYPE_JSON: _ClassVar[ClientApiResponseType]
    CLIENT_API_RESPONSE_TYPE_REDIRECT: _ClassVar[ClientApiResponseType]

class ClientApiHashAlgorithm(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CLIENT_API_HASH_ALGORITHM_UNSPECIFIED: _ClassVar[ClientApiHashAlgorithm]
    CLIENT_API_HASH_ALGORITHM_HMAC_SHA384: _ClassVar[ClientApiHashAlgorithm]
    CLIENT_API_HASH_ALGORITHM_MD5: _ClassVar[ClientApiHashAlgorithm]
CLIENT_API_RESPONSE_TYPE_UNSPECIFIED: ClientApiResponseType
CLIENT_API_RESPONSE_TYPE_JSON: ClientApiResponseType
CLIENT_API_RESPONSE_TYPE_REDIRECT: ClientApiResponseType
CLIENT_API_HASH_ALGORITHM_UNSPECIFIED: ClientApiHashAlgorithm
CLIENT_API_HASH_ALGORITHM_HMAC_SHA384: ClientApiHashAlgorithm
CLIENT_API_HASH_ALGORITHM_MD5: ClientApiHashAlgorithm

class PrepareCreditCardCheckRequest(_message.Message):
    __slots__ = ("account", "responsetype", "storecarddata", "successurl", "errorurl", "language")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    RESPONSETYPE_FIELD_NUMBER: _ClassVar[int]
    STORECARDDATA_FIELD_NUMBER: _ClassVar[int]
    SUCCESSURL_FIELD_NUMBER: _ClassVar[int]
    ERRORURL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    account: str
    responsetype: ClientApiResponseType
    storecarddata: bool
    successurl: str
    errorurl: str
    language: str
    def __init__(self, account: _Optional[str] = ..., responsetype: _Optional[_Union[ClientApiResponseType, str]] = ..., storecarddata: _Optional[bool] = ..., successurl: _Optional[str] = ..., errorurl: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class PrepareCreditCardCheckResponse(_message.Message):
    __slots__ = ("request", "client_api_url", "hosted_iframe_script_url", "hash_algorithm", "hashed_parameters")
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    CLIENT_API_URL_FIELD_NUMBER: _ClassVar[int]
    HOSTED_IFRAME_SCRIPT_URL_FIELD_NUMBER: _ClassVar[int]
    HASH_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    HASHED_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    request: ClientApiRequest
    client_api_url: str
    hosted_iframe_script_url: str
    hash_algorithm: ClientApiHashAlgorithm
    hashed_parameters: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, request: _Optional[_Union[ClientApiRequest, _Mapping]] = ..., client_api_url: _Optional[str] = ..., hosted_iframe_script_url: _Optional[str] = ..., hash_algorithm: _Optional[_Union[ClientApiHashAlgorithm, str]] = ..., hashed_parameters: _Optional[_Iterable[str]] = ...) -> None: ...

class ClientApiRequest(_message.Message):
    __slots__ = ("request", "responsetype", "mode", "mid", "aid", "portalid", "encoding", "storecarddata", "successurl", "errorurl", "language", "hash")
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    RESPONSETYPE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    MID_FIELD_NUMBER: _ClassVar[int]
    AID_FIELD_NUMBER: _ClassVar[int]
    PORTALID_FIELD_NUMBER: _ClassVar[int]
    ENCODING_FIELD_NUMBER: _ClassVar[int]
    STORECARDDATA_FIELD_NUMBER: _ClassVar[int]
    SUCCESSURL_FIELD_NUMBER: _ClassVar[int]
    ERRORURL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    HASH_FIELD_NUMBER: _ClassVar[int]
    request: str
    responsetype: str
    mode: str
    mid: str
    aid: str
    portalid: str
    encoding: str
    storecarddata: str
    successurl: str
    errorurl: str
    language: str
    hash: str
    def __init__(self, request: _Optional[str] = ..., responsetype: _Optional[str] = ..., mode: _Optional[str] = ..., mid: _Optional[str] = ..., aid: _Optional[str] = ..., portalid: _Optional[str] = ..., encoding: _Optional[str] = ..., storecarddata: _Optional[str] = ..., successurl: _Optional[str] = ..., errorurl: _Optional[str] = ..., language: _Optional[str] = ..., hash: _Optional[str] = ...) -> None: ...
