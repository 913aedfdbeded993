#include "app/cli.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        return parkpress::app::run(args, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "parkpress: " << e.what() << '\n';
        return parkpress::app::k_exit_usage;
    }
}
