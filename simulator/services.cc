// managemandate, getfile, getinvoice, updateuser, genericpayment,
// vauthorization.

#include "simulator/handler.h"

namespace payone::simulator {

void RegisterServices(HandlerTable*) {}

}  // namespace payone::simulator
