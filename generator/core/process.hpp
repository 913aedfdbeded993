#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace parkpress::core {

/// What a finished program left: its exit status (128 + the signal when one killed it), and
/// everything it wrote to standard output and standard error.
struct ProcessResult {
    int status = 0;
    std::string out;
    std::string err;
};

/// A program that could not be started at all; `error_number` is the errno (ENOENT: not found).
class ProcessError : public std::runtime_error {
public:
    ProcessError(const std::string& what, int error_number) : std::runtime_error(what), m_errno(error_number) {}
    [[nodiscard]] int error_number() const { return m_errno; }

private:
    int m_errno;
};

/// Runs a program found on PATH with an argument vector (never through a shell: arguments
/// may come from users and content), feeds it `input` on standard input and waits for it.
/// Its environment is this process's, and SIGPIPE is at its default in the child.
/// run_process({"git", "rev-parse", "HEAD"}).out == "1a2b...\n"
ProcessResult run_process(const std::vector<std::string>& argv, std::string_view input = {});

/// The running program's build ID (the GNU note the linker writes, a digest of what it linked)
/// in hex, read from the program's headers in memory; "" when it has none.
std::string program_build_id();

} // namespace parkpress::core
