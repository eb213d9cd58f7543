#ifndef PAYONE_TESTS_CONFORMANCE_MATRIX_H_
#define PAYONE_TESTS_CONFORMANCE_MATRIX_H_

// The conformance matrix: which gateway-level test exercises which RPC with
// which payment method, what the model offers, and the Markdown table
// generated from it (docs/conformance-matrix.md).
//
// A payment method of the model is a field of a request's `payment_method`
// oneof ("wallet"); when its message has a required enum field (wallettype,
// onlinebanktransfertype, financingtype, cashtype, shippingprovider), every
// value of that enum is a method of its own ("wallet/APL").

#include <string>
#include <vector>

namespace payone::tests::conformance {

// One RPC, with one payment method ("" for none), exercised by one test.
// `variant` tells apart tests of one method ("pseudocardpan").
struct Coverage {
  std::string rpc;
  std::string method;
  std::string variant;
};

struct MatrixEntry {
  Coverage coverage;
  std::string test;
};

// Records what `test` covers; called at static initialisation by
// CONFORMANCE_TEST and by the parameterised suites.
bool RegisterCoverage(const std::string& test,
                      const std::vector<Coverage>& covers);
const std::vector<MatrixEntry>& RegisteredCoverage();

// Every RPC of payone.v1.PayoneGateway, in service order.
std::vector<std::string> ModelRpcs();
// Every payment method of the model's requests (see above), sorted.
std::vector<std::string> ModelPaymentMethods();

// What the model offers that no registered test covers: "rpc X" and
// "payment method Y" lines; empty when the matrix is complete. A payment
// method counts as covered when a (pre)authorization test pays with it.
std::vector<std::string> Uncovered(const std::vector<MatrixEntry>& entries);

// The Markdown document docs/conformance-matrix.md.
std::string RenderMatrix(const std::vector<MatrixEntry>& entries);

}  // namespace payone::tests::conformance

#endif  // PAYONE_TESTS_CONFORMANCE_MATRIX_H_
