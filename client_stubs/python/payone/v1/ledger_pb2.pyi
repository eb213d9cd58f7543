import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from payone.v1 import notification_pb2 as _notification_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RequestOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REQUEST_OUTCOME_UNSPECIFIED: _ClassVar[RequestOutcome]
    REQUEST_OUTCOME_SENDING: _ClassVar[RequestOutcome]
    REQUEST_OUTCOME_ANSWERED: _ClassVar[RequestOutcome]
    REQUEST_OUTCOME_NOT_SENT: _ClassVar[RequestOutcome]
    REQUEST_OUTCOME_UNKNOWN: _ClassVar[RequestOutcome]
REQUEST_OUTCOME_UNSPECIFIED: RequestOutcome
REQUEST_OUTCOME_SENDING: RequestOutcome
REQUEST_OUTCOME_ANSWERED: RequestOutcome
REQUEST_OUTCOME_NOT_SENT: RequestOutcome
REQUEST_OUTCOME_UNKNOWN: RequestOutcome

class WatchTransactionStatusRequest(_message.Message):
    __slots__ = ("account", "txid", "after_cursor")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    AFTER_CURSOR_FIELD_NUMBER: _ClassVar[int]
    account: str
    txid: str
    after_cursor: int
    def __init__(self, account: _Optional[str] = ..., txid: _Optional[str] = ..., after_cursor: _Optional[int] = ...) -> None: ...

class TransactionStatusEvent(_message.Message):
    __slots__ = ("cursor", "account", "received_time", "notification", "undecoded", "decode_error")
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_TIME_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    UNDECODED_FIELD_NUMBER: _ClassVar[int]
    DECODE_ERROR_FIELD_NUMBER: _ClassVar[int]
    cursor: int
    account: str
    received_time: _timestamp_pb2.Timestamp
    notification: _notification_pb2.TransactionStatusNotification
    undecoded: bool
    decode_error: str
    def __init__(self, cursor: _Optional[int] = ..., account: _Optional[str] = ..., received_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., notification: _Optional[_Union[_notification_pb2.TransactionStatusNotification, _Mapping]] = ..., undecoded: _Optional[bool] = ..., decode_error: _Optional[str] = ...) -> None: ...

class ListTransactionStatusRequest(_message.Message):
    __slots__ = ("account", "txid", "after_cursor", "page_size")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    AFTER_CURSOR_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    account: str
    txid: str
    after_cursor: int
    page_size: int
    def __init__(self, account: _Optional[str] = ..., txid: _Optional[str] = ..., after_cursor: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class ListTransactionStatusResponse(_message.Message):
    __slots__ = ("events", "next_cursor")
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[TransactionStatusEvent]
    next_cursor: int
    def __init__(self, events: _Optional[_Iterable[_Union[TransactionStatusEvent, _Mapping]]] = ..., next_cursor: _Optional[int] = ...) -> None: ...

class GetPaymentRequest(_message.Message):
    __slots__ = ("account", "txid")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    account: str
    txid: str
    def __init__(self, account: _Optional[str] = ..., txid: _Optional[str] = ...) -> None: ...

class GetPaymentResponse(_message.Message):
    __slots__ = ("account", "txid", "reference", "currency", "reserved_amount", "captured_amount", "refunded_amount", "open_amount", "capture_completed", "last_sequencenumber", "last_txaction", "history")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TXID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    RESERVED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CAPTURED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    REFUNDED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    OPEN_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    LAST_SEQUENCENUMBER_FIELD_NUMBER: _ClassVar[int]
    LAST_TXACTION_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    account: str
    txid: str
    reference: str
    currency: str
    reserved_amount: int
    captured_amount: int
    refunded_amount: int
    open_amount: int
    capture_completed: bool
    last_sequencenumber: int
    last_txaction: _notification_pb2.TransactionAction
    history: _containers.RepeatedCompositeFieldContainer[PaymentHistoryEntry]
    def __init__(self, account: _Optional[str] = ..., txid: _Optional[str] = ..., reference: _Optional[str] = ..., currency: _Optional[str] = ..., reserved_amount: _Optional[int] = ..., captured_amount: _Optional[int] = ..., refunded_amount: _Optional[int] = ..., open_amount: _Optional[int] = ..., capture_completed: _Optional[bool] = ..., last_sequencenumber: _Optional[int] = ..., last_txaction: _Optional[_Union[_notification_pb2.TransactionAction, str]] = ..., history: _Optional[_Iterable[_Union[PaymentHistoryEntry, _Mapping]]] = ...) -> None: ...

class PaymentHistoryEntry(_message.Message):
    __slots__ = ("time", "request", "notification")
    TIME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    time: _timestamp_pb2.Timestamp
    request: LedgerRequest
    notification: TransactionStatusEvent
    def __init__(self, time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., request: _Optional[_Union[LedgerRequest, _Mapping]] = ..., notification: _Optional[_Union[TransactionStatusEvent, _Mapping]] = ...) -> None: ...

class LedgerRequest(_message.Message):
    __slots__ = ("request_type", "sequencenumber", "amount", "currency", "capturemode", "outcome", "status", "errorcode")
    REQUEST_TYPE_FIELD_NUMBER: _ClassVar[int]
    SEQUENCENUMBER_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CAPTUREMODE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ERRORCODE_FIELD_NUMBER: _ClassVar[int]
    request_type: str
    sequencenumber: int
    amount: int
    currency: str
    capturemode: str
    outcome: RequestOutcome
    status: str
    errorcode: int
    def __init__(self, request_type: _Optional[str] = ..., sequencenumber: _Optional[int] = ..., amount: _Optional[int] = ..., currency: _Optional[str] = ..., capturemode: _Optional[str] = ..., outcome: _Optional[_Union[RequestOutcome, str]] = ..., status: _Optional[str] = ..., errorcode: _Optional[int] = ...) -> None: ...
