// Runs a fuzz target's LLVMFuzzerTestOneInput once on each input, without libFuzzer and with
// any compiler: the seed corpus and the regression inputs as ordinary tests
// (ctest fuzz.replay.<target>).
//
//   <target>_replay FILE_OR_FOLDER...
// A folder stands for the files in it (not in its subfolders), in name order, dot-files
// left out. An input that breaks the target crashes this program, like libFuzzer would.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {
namespace fs = std::filesystem;

bool is_hidden(const fs::path& p) { return p.filename().string().starts_with("."); }

} // namespace

int main(int argc, char** argv) {
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        if (fs::is_directory(arg)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(arg)) {
                if (entry.is_regular_file() && !is_hidden(entry.path())) {
                    files.push_back(entry.path());
                }
            }
            std::sort(files.begin(), files.end());
            inputs.insert(inputs.end(), files.begin(), files.end());
        } else if (fs::is_regular_file(arg)) {
            inputs.push_back(arg);
        } else {
            std::cerr << "replay: no such file or folder: " << arg.string() << '\n';
            return 2;
        }
    }
    if (inputs.empty()) {
        std::cerr << "replay: no inputs\n";
        return 2;
    }
    for (const auto& path : inputs) {
        std::ifstream in(path, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (!in.good() && !in.eof()) {
            std::cerr << "replay: cannot read " << path.string() << '\n';
            return 2;
        }
        std::cerr << "replay: " << path.string() << std::endl; // named before it runs, in case it crashes
        // A buffer of exactly the input's size, so that ASan sees a read past its end.
        const std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
        LLVMFuzzerTestOneInput(data.data(), data.size());
    }
    std::cout << "replay: " << inputs.size() << " inputs ran\n";
    return 0;
}
