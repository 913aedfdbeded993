#include "app/cli.hpp"

#include <csignal>
#include <exception>
#include <iostream>

#ifdef PARKPRESS_JEMALLOC
// jemalloc keeps freed pages for 10 s by default before it gives them back; a build frees
// the data of each page within milliseconds, so holding them only raises the peak memory
// (by about 70 MB at 10,000 parks). A second costs no measurable time. MALLOC_CONF overrides it.
extern "C" {
// NOLINTNEXTLINE: the name and type jemalloc reads its built-in options from
const char* malloc_conf = "dirty_decay_ms:1000";
}
#endif

int main(int argc, char** argv) {
    // Over a file size limit (ulimit -f), a write fails with EFBIG and the build says which
    // file, instead of the process being killed without a word. Either way the output stays.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        return parkpress::app::run(args, std::cout, std::cerr, true);
    } catch (const std::exception& e) {
        std::cerr << "parkpress: " << e.what() << '\n';
        return parkpress::app::k_exit_usage;
    }
}
