"""payone.v1 messages (*_pb2) and the PayoneGateway stub (gateway_pb2_grpc) and the PaymentLedger stub (ledger_pb2_grpc)."""
