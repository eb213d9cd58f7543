#ifndef PAYONE_SIMULATOR_CLIENT_API_ASSETS_H_
#define PAYONE_SIMULATOR_CLIENT_API_ASSETS_H_

// The browser-side files of the simulator's Client API, compiled in from
// simulator/client_api/ (genrule :client_api_assets).

namespace payone::simulator {

// The stand-in for PAYONE's hosted iFrame script (payone_hosted.js).
extern const char kHostedIframeScript[];
// One card field iframe (hosted_field.html).
extern const char kHostedFieldPage[];
// The 3-D Secure ACS page a browser sees at the card redirect (acs.html).
extern const char kAcsPage[];

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_CLIENT_API_ASSETS_H_
