from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Format(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FORMAT_UNSPECIFIED: _ClassVar[Format]
    FORMAT_CHAR: _ClassVar[Format]
    FORMAT_NUMERIC: _ClassVar[Format]
    FORMAT_LIST: _ClassVar[Format]
    FORMAT_DATE_YYYYMMDD: _ClassVar[Format]
    FORMAT_DATE_YYMM: _ClassVar[Format]
    FORMAT_UNIX_TIME: _ClassVar[Format]
    FORMAT_URL: _ClassVar[Format]
    FORMAT_EMAIL: _ClassVar[Format]
    FORMAT_IBAN: _ClassVar[Format]
    FORMAT_BIC: _ClassVar[Format]
    FORMAT_COUNTRY: _ClassVar[Format]
    FORMAT_CURRENCY: _ClassVar[Format]
    FORMAT_LANGUAGE: _ClassVar[Format]
    FORMAT_PAN: _ClassVar[Format]
    FORMAT_DECIMAL: _ClassVar[Format]
    FORMAT_IP: _ClassVar[Format]
    FORMAT_YES_NO: _ClassVar[Format]
    FORMAT_ONE_ZERO: _ClassVar[Format]

class Symbols(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SYMBOLS_ANY: _ClassVar[Symbols]
    SYMBOLS_REFERENCE: _ClassVar[Symbols]
    SYMBOLS_ALPHANUMERIC: _ClassVar[Symbols]
    SYMBOLS_DIGITS: _ClassVar[Symbols]
    SYMBOLS_HEX: _ClassVar[Symbols]

class LedgerField(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LEDGER_FIELD_UNSPECIFIED: _ClassVar[LedgerField]
    LEDGER_FIELD_TXID: _ClassVar[LedgerField]
    LEDGER_FIELD_REFERENCE: _ClassVar[LedgerField]
    LEDGER_FIELD_AMOUNT: _ClassVar[LedgerField]
    LEDGER_FIELD_CURRENCY: _ClassVar[LedgerField]
    LEDGER_FIELD_SEQUENCENUMBER: _ClassVar[LedgerField]
    LEDGER_FIELD_CAPTUREMODE: _ClassVar[LedgerField]

class LedgerEffect(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LEDGER_EFFECT_UNSPECIFIED: _ClassVar[LedgerEffect]
    LEDGER_EFFECT_RESERVE: _ClassVar[LedgerEffect]
    LEDGER_EFFECT_AUTHORIZE: _ClassVar[LedgerEffect]
    LEDGER_EFFECT_CAPTURE: _ClassVar[LedgerEffect]
    LEDGER_EFFECT_REFUND: _ClassVar[LedgerEffect]
    LEDGER_EFFECT_DEBIT: _ClassVar[LedgerEffect]

class MessageKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MESSAGE_KIND_UNSPECIFIED: _ClassVar[MessageKind]
    MESSAGE_KIND_REQUEST: _ClassVar[MessageKind]
    MESSAGE_KIND_RESPONSE: _ClassVar[MessageKind]
    MESSAGE_KIND_NOTIFICATION: _ClassVar[MessageKind]
    MESSAGE_KIND_PART: _ClassVar[MessageKind]
FORMAT_UNSPECIFIED: Format
FORMAT_CHAR: Format
FORMAT_NUMERIC: Format
FORMAT_LIST: Format
FORMAT_DATE_YYYYMMDD: Format
FORMAT_DATE_YYMM: Format
FORMAT_UNIX_TIME: Format
FORMAT_URL: Format
FORMAT_EMAIL: Format
FORMAT_IBAN: Format
FORMAT_BIC: Format
FORMAT_COUNTRY: Format
FORMAT_CURRENCY: Format
FORMAT_LANGUAGE: Format
FORMAT_PAN: Format
FORMAT_DECIMAL: Format
FORMAT_IP: Format
FORMAT_YES_NO: Format
FORMAT_ONE_ZERO: Format
SYMBOLS_ANY: Symbols
SYMBOLS_REFERENCE: Symbols
SYMBOLS_ALPHANUMERIC: Symbols
SYMBOLS_DIGITS: Symbols
SYMBOLS_HEX: Symbols
LEDGER_FIELD_UNSPECIFIED: LedgerField
LEDGER_FIELD_TXID: LedgerField
LEDGER_FIELD_REFERENCE: LedgerField
LEDGER_FIELD_AMOUNT: LedgerField
LEDGER_FIELD_CURRENCY: LedgerField
LEDGER_FIELD_SEQUENCENUMBER: LedgerField
LEDGER_FIELD_CAPTUREMODE: LedgerField
LEDGER_EFFECT_UNSPECIFIED: LedgerEffect
LEDGER_EFFECT_RESERVE: LedgerEffect
LEDGER_EFFECT_AUTHORIZE: LedgerEffect
LEDGER_EFFECT_CAPTURE: LedgerEffect
LEDGER_EFFECT_REFUND: LedgerEffect
LEDGER_EFFECT_DEBIT: LedgerEffect
MESSAGE_KIND_UNSPECIFIED: MessageKind
MESSAGE_KIND_REQUEST: MessageKind
MESSAGE_KIND_RESPONSE: MessageKind
MESSAGE_KIND_NOTIFICATION: MessageKind
MESSAGE_KIND_PART: MessageKind
FIELD_FIELD_NUMBER: _ClassVar[int]
field: _descriptor.FieldDescriptor
MESSAGE_FIELD_NUMBER: _ClassVar[int]
message: _descriptor.FieldDescriptor
ENUM_VALUE_FIELD_NUMBER: _ClassVar[int]
enum_value: _descriptor.FieldDescriptor

class FieldRules(_message.Message):
    __slots__ = ("wire_name", "format", "min_len", "max_len", "min_value", "max_value", "symbols", "required", "sensitive", "indexed", "upper_case", "lower_case", "gateway_only", "unknown_parameters", "ledger", "form_url_encoded")
    WIRE_NAME_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    MIN_LEN_FIELD_NUMBER: _ClassVar[int]
    MAX_LEN_FIELD_NUMBER: _ClassVar[int]
    MIN_VALUE_FIELD_NUMBER: _ClassVar[int]
    MAX_VALUE_FIELD_NUMBER: _ClassVar[int]
    SYMBOLS_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    SENSITIVE_FIELD_NUMBER: _ClassVar[int]
    INDEXED_FIELD_NUMBER: _ClassVar[int]
    UPPER_CASE_FIELD_NUMBER: _ClassVar[int]
    LOWER_CASE_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_ONLY_FIELD_NUMBER: _ClassVar[int]
    UNKNOWN_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    LEDGER_FIELD_NUMBER: _ClassVar[int]
    FORM_URL_ENCODED_FIELD_NUMBER: _ClassVar[int]
    wire_name: str
    format: Format
    min_len: int
    max_len: int
    min_value: int
    max_value: int
    symbols: Symbols
    required: bool
    sensitive: bool
    indexed: bool
    upper_case: bool
    lower_case: bool
    gateway_only: bool
    unknown_parameters: bool
    ledger: LedgerField
    form_url_encoded: bool
    def __init__(self, wire_name: _Optional[str] = ..., format: _Optional[_Union[Format, str]] = ..., min_len: _Optional[int] = ..., max_len: _Optional[int] = ..., min_value: _Optional[int] = ..., max_value: _Optional[int] = ..., symbols: _Optional[_Union[Symbols, str]] = ..., required: _Optional[bool] = ..., sensitive: _Optional[bool] = ..., indexed: _Optional[bool] = ..., upper_case: _Optional[bool] = ..., lower_case: _Optional[bool] = ..., gateway_only: _Optional[bool] = ..., unknown_parameters: _Optional[bool] = ..., ledger: _Optional[_Union[LedgerField, str]] = ..., form_url_encoded: _Optional[bool] = ...) -> None: ...

class CrossFieldRule(_message.Message):
    __slots__ = ("require_one_of", "at_most_one_of", "require", "when_field", "when_values", "description")
    REQUIRE_ONE_OF_FIELD_NUMBER: _ClassVar[int]
    AT_MOST_ONE_OF_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_FIELD_NUMBER: _ClassVar[int]
    WHEN_FIELD_FIELD_NUMBER: _ClassVar[int]
    WHEN_VALUES_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    require_one_of: _containers.RepeatedScalarFieldContainer[str]
    at_most_one_of: _containers.RepeatedScalarFieldContainer[str]
    require: _containers.RepeatedScalarFieldContainer[str]
    when_field: str
    when_values: _containers.RepeatedScalarFieldContainer[str]
    description: str
    def __init__(self, require_one_of: _Optional[_Iterable[str]] = ..., at_most_one_of: _Optional[_Iterable[str]] = ..., require: _Optional[_Iterable[str]] = ..., when_field: _Optional[str] = ..., when_values: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ...) -> None: ...

class MessageRules(_message.Message):
    __slots__ = ("kind", "request_type", "rules", "constants", "omit_standard_parameters", "ledger_effect")
    class ConstantsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    KIND_FIELD_NUMBER: _ClassVar[int]
    REQUEST_TYPE_FIELD_NUMBER: _ClassVar[int]
    RULES_FIELD_NUMBER: _ClassVar[int]
    CONSTANTS_FIELD_NUMBER: _ClassVar[int]
    OMIT_STANDARD_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    LEDGER_EFFECT_FIELD_NUMBER: _ClassVar[int]
    kind: MessageKind
    request_type: str
    rules: _containers.RepeatedCompositeFieldContainer[CrossFieldRule]
    constants: _containers.ScalarMap[str, str]
    omit_standard_parameters: _containers.RepeatedScalarFieldContainer[str]
    ledger_effect: LedgerEffect
    def __init__(self, kind: _Optional[_Union[MessageKind, str]] = ..., request_type: _Optional[str] = ..., rules: _Optional[_Iterable[_Union[CrossFieldRule, _Mapping]]] = ..., constants: _Optional[_Mapping[str, str]] = ..., omit_standard_parameters: _Optional[_Iterable[str]] = ..., ledger_effect: _Optional[_Union[LedgerEffect, str]] = ...) -> None: ...

class EnumValueRules(_message.Message):
    __slots__ = ("wire_value",)
    WIRE_VALUE_FIELD_NUMBER: _ClassVar[int]
    wire_value: str
    def __init__(self, wire_value: _Optional[str] = ...) -> None: ...
