// creditcardcheck, bankaccountcheck, 3dscheck, addresscheck, consumerscore.

#include "simulator/handler.h"

namespace payone::simulator {

void RegisterChecks(HandlerTable*) {}

}  // namespace payone::simulator
