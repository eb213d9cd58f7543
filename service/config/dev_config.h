#ifndef PAYONE_SERVICE_CONFIG_DEV_CONFIG_H_
#define PAYONE_SERVICE_CONFIG_DEV_CONFIG_H_

// service/config/dev.textproto, built in (genrule dev_config_cc).

namespace payone::service {

// Its path in the workspace, and its text.
extern const char kDevConfigPath[];
extern const char kDevConfigText[];

}  // namespace payone::service

#endif  // PAYONE_SERVICE_CONFIG_DEV_CONFIG_H_
