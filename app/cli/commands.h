// The subcommands of procscope-cli; each returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace procscope::cli {

int ostepCommand(const std::vector<std::string>& args);
int simulateCommand(const std::vector<std::string>& args);
int convertCommand(const std::vector<std::string>& args);
int infoCommand(const std::vector<std::string>& args);

} // namespace procscope::cli
