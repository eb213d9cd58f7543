#ifndef PAYONE_CODEC_PAYONE_DOC_VECTORS_H_
#define PAYONE_CODEC_PAYONE_DOC_VECTORS_H_

// Messages of the PAYONE documentation's examples, as text format, shared by
// the vector and allocation tests.

namespace payone::codec::testing {

// 002: the credit-card authorization (pseudocardpan from the hosted iFrame).
inline constexpr char kCreditCardAuthorization002[] = R"pb(
  account: "shop"
  reference: "1234000243"
  amount: 3499
  currency: "EUR"
  param: "session-1|n2ikm4l9ifpds5p1efv6dede76|f8222c6f3c6999ce98f5198078522be4"
  customer_is_present: true
  recurrence: RECURRENCE_ONECLICK
  personal_data {
    salutation: "Herr"
    firstname: "Maximillian"
    lastname: "Testerei"
    street: "Wegeweg 25"
    zip: "01099"
    city: "Dresden"
    country: "DE"
    email: "test@payone.com"
    telephonenumber: "01752345678"
    language: "de"
    ip: "172.19.0.34"
  }
  gender: GENDER_MALE
  delivery_data {
    shipping_firstname: "Maximillian"
    shipping_lastname: "Testerei"
    shipping_street: "Wegeweg 25"
    shipping_zip: "01099"
    shipping_city: "Dresden"
    shipping_country: "DE"
  }
  redirect_urls {
    successurl: "https://yourdomain.dev/mopt_payment_payone/success/swPaymentToken/WQXEBlwaY9jx9lZFQyxocKc5Cj86rsU3/appendSession/"
    errorurl: "https://yourdomain.dev/mopt_payment_payone/failure/appendSession/"
  }
  items {
    type: ITEM_TYPE_GOODS
    id: "SW10007.3"
    price: 1999
    quantity: 1
    description: "Hauptartikel mit Eigenschaften XL"
    vat_rate: 1900
  }
  items {
    type: ITEM_TYPE_GOODS
    id: "SW10006"
    price: 1500
    quantity: 1
    description: "Hauptartikel mit Kennzeichnung"
    vat_rate: 1900
  }
  items {
    type: ITEM_TYPE_SHIPMENT
    id: "ship9"
    price: 0
    quantity: 1
    description: "Standard Versand"
    vat_rate: 0
  }
  credit_card {
    pseudocardpan: "9410010000167640853"
    cardholder: "max testerei"
  }
)pb";

}  // namespace payone::codec::testing

#endif  // PAYONE_CODEC_PAYONE_DOC_VECTORS_H_
