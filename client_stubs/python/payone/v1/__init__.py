"""payone.v1 messages (*_pb2), the PayoneGateway stub (gateway_pb2_grpc), the PaymentLedger stub (ledger_pb2_grpc) and the PayoneClientApi stub (client_api_pb2_grpc)."""
