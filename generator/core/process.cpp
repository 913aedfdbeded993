#include "core/process.hpp"

#include <elf.h>
#include <link.h>

#include <fmt/core.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ; // NOLINT: POSIX declares it nowhere else

namespace parkpress::core {
namespace {

/// A file descriptor closed when it goes out of scope.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd(Fd&&) = delete;
    Fd& operator=(Fd&&) = delete;
    ~Fd() { close(); }
    void reset(int fd) {
        close();
        m_fd = fd;
    }
    [[nodiscard]] int get() const { return m_fd; }
    void close() {
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }

private:
    int m_fd = -1;
};

struct Pipe {
    Fd read;
    Fd write;
};

void make_pipe(Pipe& p) {
    std::array<int, 2> fds{};
    if (::pipe2(fds.data(), O_CLOEXEC) != 0) {
        throw ProcessError(fmt::format("cannot create a pipe: {}", std::strerror(errno)), errno);
    }
    p.read.reset(fds[0]);
    p.write.reset(fds[1]);
}

/// SIGPIPE blocked in this thread while it writes to a child that may have exited, and any
/// SIGPIPE that writing raised taken back before it is unblocked (so it never kills us).
class SigpipeGuard {
public:
    SigpipeGuard() {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;
    ~SigpipeGuard() {
        if (sigismember(&m_old, SIGPIPE) == 0) {
            const timespec zero{0, 0};
            while (sigtimedwait(&m_pipe, nullptr, &zero) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }

private:
    sigset_t m_pipe{};
    sigset_t m_old{};
};

pid_t spawn(const std::vector<std::string>& argv, Pipe& in, Pipe& out, Pipe& err) {
    std::vector<std::string> args = argv;
    std::vector<char*> argp;
    argp.reserve(args.size() + 1);
    for (auto& a : args) {
        argp.push_back(a.data());
    }
    argp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read.get(), 0);
    posix_spawn_file_actions_adddup2(&actions, out.write.get(), 1);
    posix_spawn_file_actions_adddup2(&actions, err.write.get(), 2);
    // The child starts with no signal blocked and SIGPIPE at its default, whatever we have.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, argp[0], &actions, &attributes, argp.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        throw ProcessError(fmt::format("cannot run {}: {}", argv[0], std::strerror(rc)), rc);
    }
    return pid;
}

/// Writes `input` and reads both outputs at once, so that no pipe fills up and blocks the child.
void exchange(std::string_view input, Fd& in, Fd& out, Fd& err, ProcessResult& result) {
    if (input.empty()) {
        in.close();
    } else {
        ::fcntl(in.get(), F_SETFL, ::fcntl(in.get(), F_GETFL) | O_NONBLOCK);
    }
    std::size_t written = 0;
    std::array<char, 65536> chunk{};
    while (out.get() >= 0 || err.get() >= 0) {
        std::array<pollfd, 3> fds{{{out.get(), POLLIN, 0}, {err.get(), POLLIN, 0}, {in.get(), POLLOUT, 0}}};
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw ProcessError(fmt::format("poll failed: {}", std::strerror(errno)), errno);
        }
        if (fds[2].revents != 0) {
            const ssize_t n = ::write(in.get(), input.data() + written, input.size() - written);
            if (n > 0) {
                written += static_cast<std::size_t>(n);
            }
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
                in.close(); // done, or the child stopped reading (EPIPE): it decides what that means
            }
        }
        for (int i = 0; i < 2; ++i) {
            Fd& fd = i == 0 ? out : err;
            if (fds[static_cast<std::size_t>(i)].revents == 0) {
                continue;
            }
            const ssize_t n = ::read(fd.get(), chunk.data(), chunk.size());
            if (n > 0) {
                (i == 0 ? result.out : result.err).append(chunk.data(), static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                fd.close();
            }
        }
    }
}

} // namespace

ProcessResult run_process(const std::vector<std::string>& argv, std::string_view input) {
    if (argv.empty()) {
        throw ProcessError("no program to run", EINVAL);
    }
    SigpipeGuard guard;
    Pipe in;
    Pipe out;
    Pipe err;
    make_pipe(in);
    make_pipe(out);
    make_pipe(err);
    const pid_t pid = spawn(argv, in, out, err);
    in.read.close();
    out.write.close();
    err.write.close();
    ProcessResult result;
    try {
        exchange(input, in.write, out.read, err.read, result);
    } catch (...) {
        in.write.close();
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        throw;
    }
    in.write.close();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

namespace {
/// The build ID note among the program headers of the first object dl_iterate_phdr gives,
/// which is the program itself.
int find_build_id(dl_phdr_info* info, std::size_t /*size*/, void* data) {
    auto& id = *static_cast<std::string*>(data);
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& header = info->dlpi_phdr[i];
        if (header.p_type != PT_NOTE) {
            continue;
        }
        const auto* note = reinterpret_cast<const unsigned char*>(info->dlpi_addr + header.p_vaddr);
        const unsigned char* end = note + header.p_memsz;
        const auto aligned = [](std::size_t n) { return (n + 3) & ~std::size_t{3}; };
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) head{};
            std::memcpy(&head, note, sizeof head);
            const unsigned char* name = note + sizeof head;
            const unsigned char* desc = name + aligned(head.n_namesz);
            if (desc > end || head.n_descsz > static_cast<std::size_t>(end - desc)) {
                break;
            }
            if (head.n_type == NT_GNU_BUILD_ID && head.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                static constexpr char k_hex[] = "0123456789abcdef";
                for (std::size_t b = 0; b < head.n_descsz; ++b) {
                    id += k_hex[desc[b] >> 4];
                    id += k_hex[desc[b] & 15];
                }
                return 1;
            }
            note = desc + aligned(head.n_descsz);
        }
    }
    return 1; // only the first object, the program, is looked at
}
} // namespace

std::string program_build_id() {
    std::string id;
    dl_iterate_phdr(find_build_id, &id);
    return id;
}

} // namespace parkpress::core
