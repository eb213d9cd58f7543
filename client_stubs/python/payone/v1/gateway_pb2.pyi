from payone.v1 import check_requests_pb2 as _check_requests_pb2
from payone.v1 import management_requests_pb2 as _management_requests_pb2
from payone.v1 import payment_requests_pb2 as _payment_requests_pb2
from payone.v1 import responses_pb2 as _responses_pb2
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor
