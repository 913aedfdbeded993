#include "write/pdf_builder.hpp"

#include "core/files.hpp"
#include "core/text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace parkpress::write {
namespace fs = std::filesystem;

namespace {

/// The file's bytes; empty if it cannot be read.
std::string read_file(const fs::path& p) { return core::read_file(p).value_or(""); }

void write_file(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) {
            return true;
        }
    }
    return false;
}

struct Outcome {
    int status = -1;
    std::string output; ///< stdout and stderr together
};

/// Runs a program (no shell) in `dir` with extra environment variables; output goes to a file
/// in `dir` and is returned.
Outcome run(const std::vector<std::string>& argv, const fs::path& dir, const std::vector<std::string>& extra_env) {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        const std::string name = entry.substr(0, entry.find('='));
        const bool overridden = std::any_of(extra_env.begin(), extra_env.end(), [&](const std::string& x) {
            return x.substr(0, x.find('=')) == name;
        });
        if (!overridden) {
            env_strings.push_back(entry);
        }
    }
    env_strings.insert(env_strings.end(), extra_env.begin(), extra_env.end());
    std::vector<char*> envp;
    for (auto& s : env_strings) {
        envp.push_back(s.data());
    }
    envp.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> argp;
    for (auto& a : args) {
        argp.push_back(a.data());
    }
    argp.push_back(nullptr);

    const fs::path log = dir / fmt::format("{}.log", fs::path(argv[0]).filename().string());
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    Outcome outcome;
    if (posix_spawnp(&pid, argp[0], &actions, nullptr, argp.data(), envp.data()) == 0) {
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        outcome.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    outcome.output = read_file(log);
    return outcome;
}

/// The lines of a failed run worth showing: TeX errors ("! ...") with the lines after them,
/// and pandoc's own error lines.
std::string relevant_lines(const std::string& output) {
    std::istringstream in(output);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    std::string out;
    int keep = 0;
    int shown = 0;
    for (const auto& line : lines) {
        const bool start = line.starts_with("!") || line.starts_with("Error") || line.find("rror producing PDF") != std::string::npos
                           || line.starts_with("pandoc:") || line.find("LaTeX Error") != std::string::npos;
        if (start) {
            keep = 3;
        }
        if (keep > 0 && shown < 24) {
            out += "    " + line + "\n";
            --keep;
            ++shown;
        }
    }
    if (out.empty()) {
        for (std::size_t i = lines.size() > 12 ? lines.size() - 12 : 0; i < lines.size(); ++i) {
            out += "    " + lines[i] + "\n";
        }
    }
    return out;
}

PdfResult build_one(const PdfJob& job, const fs::path& theme_dir) {
    PdfResult result;
    result.id = job.id;
    std::string pattern = (fs::temp_directory_path() / "parkpress-bulletin-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        result.error = fmt::format("{}: cannot create a temporary folder", job.file);
        return result;
    }
    const fs::path dir(pattern);
    // PARKPRESS_KEEP_TEMP=1 keeps the folder (the document, charts and logs) for debugging.
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            if (std::getenv("PARKPRESS_KEEP_TEMP") == nullptr) {
                std::error_code ec;
                fs::remove_all(dir, ec);
            }
        }
    } cleanup{dir};

    write_file(dir / "bulletin.json", job.sources.document);
    std::error_code ec;
    fs::copy_file(theme_dir / "bulletin.latex", dir / "bulletin.latex", ec);
    if (ec) {
        result.error = fmt::format("{}: the theme has no bulletin.latex ({})", job.file, ec.message());
        return result;
    }
    const std::string epoch = std::to_string(epoch_of(job.date));
    const std::vector<std::string> env{"SOURCE_DATE_EPOCH=" + epoch, "FORCE_SOURCE_DATE=1", "openin_any=p",
                                       "openout_any=p", "shell_escape=f", "TZ=UTC", "LC_ALL=C.UTF-8",
                                       "HOME=" + dir.string(), "TEXMFVAR=" + (dir / ".texmf-var").string()};
    for (const auto& [name, svg] : job.sources.charts) {
        write_file(dir / name, svg);
        const std::string pdf = fs::path(name).replace_extension(".pdf").string();
        const Outcome o = run({"rsvg-convert", "--format=pdf", "--output=" + pdf, name}, dir, env);
        if (o.status != 0) {
            result.error = fmt::format("{}: rsvg-convert failed on {}:\n{}", job.file, name, relevant_lines(o.output));
            return result;
        }
    }
    const Outcome o = run({"pandoc", "--sandbox", "--from=json", "--to=latex", "--standalone", "--template=bulletin.latex",
                           "--pdf-engine=xelatex", "--pdf-engine-opt=-no-shell-escape",
                           "--pdf-engine-opt=-interaction=nonstopmode", "--output=bulletin.pdf", "bulletin.json"},
                          dir, env);
    const auto missing = missing_characters(o.output);
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) {
            list += (list.empty() ? "" : ", ") + m;
        }
        result.error = fmt::format("{}: the bulletin's fonts lack {}; the PDF would show blanks (tofu) there", job.file, list);
        return result;
    }
    if (o.status != 0 || !fs::exists(dir / "bulletin.pdf")) {
        result.error = fmt::format("{}: pandoc/xelatex failed (exit {}):\n{}", job.file, o.status, relevant_lines(o.output));
        return result;
    }
    // xdvipdfmx writes objects in an order that depends on pandoc's random temporary folder, and
    // an /ID from it: qpdf renumbers the objects in document order and derives the ID from the
    // content, so that the same commit gives the same bytes.
    const Outcome q = run({"qpdf", "--deterministic-id", "--object-streams=generate", "bulletin.pdf", "final.pdf"}, dir, env);
    if (q.status != 0 && q.status != 3) { // 3: warnings only
        result.error = fmt::format("{}: qpdf failed (exit {}):\n{}", job.file, q.status, relevant_lines(q.output));
        return result;
    }
    result.pdf = stable_id(read_file(dir / "final.pdf"));
    return result;
}

} // namespace

std::string stable_id(std::string pdf) {
    // The trailer's /ID [<first><second>]: qpdf computed <second> from the content and kept
    // <first> from the input; make both the computed one (same length, so offsets hold).
    const std::size_t id = pdf.rfind("/ID");
    if (id == std::string::npos) {
        return pdf;
    }
    const std::size_t a = pdf.find('<', id);
    const std::size_t a_end = a == std::string::npos ? a : pdf.find('>', a);
    const std::size_t b = a_end == std::string::npos ? a_end : pdf.find('<', a_end);
    const std::size_t b_end = b == std::string::npos ? b : pdf.find('>', b);
    if (b_end == std::string::npos || a_end - a != b_end - b || b - id > 64) {
        return pdf;
    }
    pdf.replace(a + 1, a_end - a - 1, pdf.substr(b + 1, b_end - b - 1));
    return pdf;
}

long long epoch_of(const std::string& date) {
    std::tm tm{};
    if (sscanf(date.c_str(), "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) {
        return 0;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<long long>(timegm(&tm));
}

std::vector<std::string> missing_characters(const std::string& log) {
    std::vector<std::string> out;
    const std::string marker = "Missing character: There is no ";
    std::size_t pos = 0;
    while ((pos = log.find(marker, pos)) != std::string::npos) {
        pos += marker.size();
        const std::size_t end = log.find(" in font", pos);
        if (end == std::string::npos) {
            break;
        }
        // xelatex writes "ཀ (U+0F40)", pandoc's warning may add the code point again: rebuild it.
        const std::string raw = log.substr(pos, end - pos);
        const auto cps = core::code_points(raw.substr(0, raw.find(' ')));
        const std::string what = cps.empty() ? raw : fmt::format("{} (U+{:04X})", raw.substr(0, raw.find(' ')), cps.front());
        if (std::find(out.begin(), out.end(), what) == out.end()) {
            out.push_back(what);
        }
        pos = end;
    }
    return out;
}

void check_pdf_tools() {
    const std::vector<std::pair<std::string, std::string>> programs{
        {"pandoc", "pandoc"}, {"xelatex", "texlive-xetex"}, {"rsvg-convert", "librsvg2-bin"}, {"kpsewhich", "texlive-xetex"},
        {"qpdf", "qpdf"}, {"fc-list", "fontconfig"}};
    for (const auto& [program, package] : programs) {
        if (!on_path(program)) {
            throw ToolError(fmt::format("{} is not installed, and the PDF bulletins need it: apt-get install {} "
                                        "(or build with --no-pdf)", program, package));
        }
    }
    // The tools' output goes to log files in a folder of this run's own: a fixed name in /tmp
    // was shared by concurrent builds (one truncated the other's kpsewhich.log) and could be a
    // link planted by another user.
    std::string pattern = (fs::temp_directory_path() / "parkpress-tools-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw ToolError("cannot create a temporary folder to check the PDF tools in");
    }
    const fs::path tmp(pattern);
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } cleanup{tmp};
    const std::vector<std::pair<std::string, std::string>> tex_files{
        {"ctexart.cls", "texlive-lang-chinese"}, {"lastpage.sty", "texlive-latex-extra"}, {"pzdr.tfm", "texlive-fonts-recommended"}};
    for (const auto& [file, package] : tex_files) {
        if (run({"kpsewhich", file}, tmp, {}).output.empty()) {
            throw ToolError(fmt::format("the TeX file {} is missing, and the PDF bulletins need it: apt-get install {} "
                                        "(or build with --no-pdf)", file, package));
        }
    }
    for (const std::string family : {"Noto Serif CJK SC", "Noto Sans CJK SC"}) {
        const Outcome o = run({"fc-list", ":family=" + family, "family"}, tmp, {});
        if (o.output.find(family) == std::string::npos) {
            throw ToolError(fmt::format("the font {} is not installed, and the PDF bulletins need it: apt-get install "
                                        "fonts-noto-cjk (or build with --no-pdf)", family));
        }
    }
}

std::vector<PdfResult> build_pdfs(const std::vector<PdfJob>& jobs, const fs::path& theme_dir, int parallel) {
    std::vector<PdfResult> results(jobs.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
            results[i] = build_one(jobs[i], theme_dir);
        }
    };
    const std::size_t threads = std::min<std::size_t>(jobs.size(), static_cast<std::size_t>(std::max(1, parallel)));
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) {
        pool.emplace_back(worker);
    }
    for (auto& t : pool) {
        t.join();
    }
    return results;
}

} // namespace parkpress::write
