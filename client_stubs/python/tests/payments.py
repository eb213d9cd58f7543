"""Requests the scenarios share."""
import uuid

from payone.v1 import common_pb2, payment_methods_pb2, payment_requests_pb2


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


def sepa_authorization(iban, mandate_identification):
    return payment_requests_pb2.AuthorizationRequest(
        account="demo", reference=unique(), amount=1999, currency="EUR",
        personal_data=common_pb2.PersonalData(lastname="Mustermann", country="DE"),
        sepa_direct_debit=payment_methods_pb2.SepaDirectDebitPayment(
            iban=iban, mandate_identification=mandate_identification))


def invalid_preauthorization():
    """Three mistakes: reference, currency and the card number's checksum."""
    request = card_preauthorization("bad ref!", currency="EURO")
    request.credit_card.cardpan = "4111111111111112"
    return request
