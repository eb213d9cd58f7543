"""The four client scenarios against a running gateway (see conftest.py)."""
import time
import uuid

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from payone.v1 import common_pb2, payment_methods_pb2, responses_pb2
from payone.v1 import management_requests_pb2, payment_requests_pb2


def unique(prefix="py-"):
    return prefix + uuid.uuid4().hex[:14]


def card_preauthorization(reference, **overrides):
    request = payment_requests_pb2.PreauthorizationRequest(
        account="demo", reference=reference, amount=10000, currency="EUR",
        personal_data=common_pb2.PersonalData(lastname="Mustermann", country="DE"),
        credit_card=payment_methods_pb2.CreditCardPayment(
            cardpan="4111111111111111", cardtype=common_pb2.CARD_TYPE_VISA,
            cardexpiredate="3012", cardcvc2="123"))
    for field, value in overrides.items():
        setattr(request, field, value)
    return request


def test_preauthorize_capture_twice_refund_one_item(stub):
    pre = stub.Preauthorize(card_preauthorization(unique()), timeout=20)
    assert pre.status == responses_pb2.STATUS_APPROVED, pre
    assert pre.txid

    for seq, amount, mode in ((1, 6000, common_pb2.CAPTURE_MODE_NOTCOMPLETED),
                              (2, 4000, common_pb2.CAPTURE_MODE_COMPLETED)):
        capture = stub.Capture(payment_requests_pb2.CaptureRequest(
            account="demo", txid=pre.txid, sequencenumber=seq, amount=amount,
            currency="EUR", capturemode=mode), timeout=20)
        assert capture.status == responses_pb2.STATUS_APPROVED, capture

    refund = stub.Refund(payment_requests_pb2.RefundRequest(
        account="demo", txid=pre.txid, sequencenumber=3, amount=-2500, currency="EUR",
        items=[common_pb2.Article(type=common_pb2.ITEM_TYPE_GOODS, id="SKU-1", price=2500,
                                  quantity=1, description="Mug", vat_rate=19)]),
        timeout=20)
    assert refund.status == responses_pb2.STATUS_APPROVED, refund


def test_sepa_direct_debit_with_mandate(stub):
    iban = "DE02120300000000202051"
    mandate = stub.ManageMandate(management_requests_pb2.ManageMandateRequest(
        account="demo", currency="EUR", iban=iban, lastname="Mustermann", country="DE"),
        timeout=20)
    assert mandate.status == responses_pb2.STATUS_APPROVED, mandate
    assert mandate.mandate_identification

    authorization = stub.Authorize(payment_requests_pb2.AuthorizationRequest(
        account="demo", reference=unique(), amount=1999, currency="EUR",
        personal_data=common_pb2.PersonalData(lastname="Mustermann", country="DE"),
        sepa_direct_debit=payment_methods_pb2.SepaDirectDebitPayment(
            iban=iban, mandate_identification=mandate.mandate_identification)),
        timeout=20)
    assert authorization.status == responses_pb2.STATUS_APPROVED, authorization
    assert authorization.txid
    assert authorization.mandate_identification == mandate.mandate_identification


def test_three_invalid_fields_come_back_as_bad_request(stub):
    request = card_preauthorization("bad ref!", currency="EURO")
    request.credit_card.cardpan = "4111111111111112"
    with pytest.raises(grpc.RpcError) as error:
        stub.Preauthorize(request, timeout=20)
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    status = rpc_status.from_call(error.value)
    violations = []
    for detail in status.details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad_request = error_details_pb2.BadRequest()
            detail.Unpack(bad_request)
            violations += [v.field for v in bad_request.field_violations]
    assert {"reference", "currency", "credit_card.cardpan"} <= set(violations)
    assert "4111111111111112" not in error.value.details()


def test_deadline_shorter_than_latency(stub):
    started = time.monotonic()
    with pytest.raises(grpc.RpcError) as error:
        stub.Preauthorize(card_preauthorization(unique("slow-")), timeout=0.3)
    assert error.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert time.monotonic() - started < 1.5


def test_pseudo_card_pan_from_the_browser_side_client_api(address, stub):
    """PCI DSS SAQ A: the gateway prepares the browser's creditcardcheck
    (hash included), PAYONE (here the embedded simulator) answers a
    pseudocardpan, the shop pays with it; card numbers are refused."""
    import json
    import urllib.parse
    import urllib.request

    from payone.v1 import client_api_pb2, client_api_pb2_grpc

    with grpc.insecure_channel(address) as channel:
        prepared = client_api_pb2_grpc.PayoneClientApiStub(channel).PrepareCreditCardCheck(
            client_api_pb2.PrepareCreditCardCheckRequest(account="demo-saq"), timeout=20)
    assert len(prepared.request.hash) == 96
    assert prepared.hosted_iframe_script_url.endswith("/client-api/js/v1/payone_hosted_min.js")
    # What the hosted iFrame sends from the customer's browser.
    fields = {field.name: value for field, value in prepared.request.ListFields()}
    fields.update(cardpan="4111111111111111", cardtype="V", cardexpiredate="3012",
                  cardcvc2="123")
    with urllib.request.urlopen(prepared.client_api_url,
                                urllib.parse.urlencode(fields).encode(), timeout=20) as answer:
        check = json.load(answer)
    assert check["status"] == "VALID", check
    assert check["truncatedcardpan"] == "411111XXXXXX1111"

    request = payment_requests_pb2.PreauthorizationRequest(
        account="demo-saq", reference=unique(), amount=1000, currency="EUR",
        personal_data=common_pb2.PersonalData(lastname="Mustermann", country="DE"),
        credit_card=payment_methods_pb2.CreditCardPayment(
            pseudocardpan=check["pseudocardpan"], cardtype=common_pb2.CARD_TYPE_VISA))
    paid = stub.Preauthorize(request, timeout=20)
    assert paid.status == responses_pb2.STATUS_APPROVED, paid

    with pytest.raises(grpc.RpcError) as refused:
        stub.Preauthorize(card_preauthorization(unique(), account="demo-saq"), timeout=20)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "PSEUDO_CARD_PAN_ONLY" in refused.value.details()
