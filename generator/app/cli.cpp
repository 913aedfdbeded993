#include "app/cli.hpp"

#include "app/diff_command.hpp"
#include "app/history.hpp"
#include "app/new_park.hpp"
#include "compute/site_index.hpp"
#include "core/diagnostics.hpp"
#include "core/exit.hpp"
#include "core/hash.hpp"
#include "core/process.hpp"
#include "core/timing.hpp"
#include "load/content_loader.hpp"
#include "load/theme_loader.hpp"
#include "load/validate.hpp"
#include "render/site.hpp"
#include "render/templates.hpp"
#include "compute/bulletin.hpp"
#include "render/bulletin.hpp"
#include "write/pdf_builder.hpp"
#include "write/site_writer.hpp"
#include "app/progress.hpp"
#include "compute/page_keys.hpp"
#include "load/fingerprint.hpp"
#include "load/git_history.hpp"
#include "compute/updated.hpp"
#include "load/placeholders.hpp"

#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include <array>
#include <atomic>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <optional>
#include <ostream>
#include <set>

namespace parkpress::app {
namespace {

std::string plural(std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

} // namespace

void print_diagnostics(const core::Diagnostics& diagnostics, const load::LoadedContent& content, std::ostream& err) {
    for (const auto& d : diagnostics.all()) {
        const auto text = load::text_of(content, d.where.file);
        err << (text ? core::format_diagnostic_with_source(d, *text) : core::format_diagnostic(d)) << '\n';
    }
}

namespace {

/// Loads and validates; prints the diagnostics and the summary line. nullopt: the content
/// folder could not be used (exit 2); otherwise the content and whether it had errors.
/// `cache`: a ParkCache folder and the program it must be from, read into `parks`, to take
/// unchanged parks from.
std::optional<std::pair<load::LoadedContent, bool>> load_checked(
    const std::string& content_dir, bool strict, std::ostream& out, std::ostream& err, core::Timings* timings = nullptr,
    const std::optional<std::pair<std::filesystem::path, std::string>>& cache = std::nullopt,
    load::ParkCache* parks = nullptr, load::TreeDigest* known = nullptr) {
    core::Diagnostics diagnostics;
    load::LoadedContent content;
    if (timings != nullptr) {
        timings->start("load");
    }
    try {
        if (cache && parks != nullptr) {
            *parks = load::ParkCache::read(cache->first, cache->second, std::thread::hardware_concurrency());
        }
        content = load::load_content(content_dir, diagnostics, parks, known);
    } catch (const load::ContentFolderError& e) {
        err << "parkpress: " << e.what() << '\n';
        return std::nullopt;
    }
    if (timings != nullptr) {
        timings->start("validate");
    }
    load::validate(content.model, diagnostics);
    load::check_placeholders(content.texts, diagnostics);
    if (timings != nullptr) {
        timings->stop();
    }
    if (strict) {
        diagnostics.promote_warnings();
    }
    diagnostics.sort();
    print_diagnostics(diagnostics, content, err);
    std::set<std::string> provinces;
    std::size_t facts = 0;
    std::size_t targets = 0;
    std::size_t ranks = 0;
    for (const auto& p : content.model.parks) {
        provinces.insert(p.province);
        facts += p.facts.size();
        targets += p.targets.size();
        ranks += p.ranks.size();
    }
    out << fmt::format("checked {} in {} ({}, {}, {}): {}, {}\n", plural(content.model.parks.size(), "park"),
                       plural(provinces.size(), "province"), plural(facts, "fact"), plural(targets, "target"),
                       plural(ranks, "rank"), plural(diagnostics.error_count(), "error"),
                       plural(diagnostics.warning_count(), "warning"));
    const bool has_errors = diagnostics.has_errors();
    return std::make_pair(std::move(content), has_errors);
}

} // namespace

int check(const std::string& content_dir, bool strict, std::ostream& out, std::ostream& err) {
    const auto loaded = load_checked(content_dir, strict, out, err);
    if (!loaded) {
        return k_exit_usage;
    }
    return loaded->second ? k_exit_content : k_exit_ok;
}

void print_timings(const core::Timings& timings, std::ostream& err) {
    double total = 0;
    double cpu = 0;
    for (const auto& s : timings.stages()) {
        err << fmt::format("  {:<22} {:8.3f} s  {:8.3f} s CPU  {:8.1f} MB peak\n", s.name, s.seconds, s.cpu_seconds,
                           static_cast<double>(s.peak_kb) / 1024);
        total += s.seconds;
        cpu += s.cpu_seconds;
    }
    err << fmt::format("  {:<22} {:8.3f} s  {:8.3f} s CPU\n", "total", total, cpu);
}

int build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
    core::Timings timings;
    struct Report {
        const BuildOptions& options;
        core::Timings& timings;
        std::ostream& err;
        ~Report() {
            if (options.verbose) {
                timings.stop();
                print_timings(timings, err);
            }
        }
    } report{options, timings, err};
    Progress progress(err, options.progress);

    // One build at a time per output folder, and only into a folder that may be replaced.
    std::optional<write::OutputLock> lock;
    try {
        write::check_output_folder(options.out_dir);
        lock.emplace(options.out_dir);
    } catch (const write::WriteError& e) {
        err << "parkpress: " << e.what() << '\n';
        return k_exit_usage;
    }

    // Nothing changed since the last build (same input files, options and parkpress, and the
    // output as that build left it): say so, as that build did, and touch nothing.
    timings.start("fingerprint");
    // Where the folders are does not matter (diagnostics name files relative to them). The
    // program's own bytes do: a parkpress built from another commit may render differently
    // under the same version number.
    const int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // The content's bytes are kept for the loader when it is going to read most files: when
    // there is no park cache from an earlier build.
    const std::filesystem::path cache_folder = write::cache_path(options.out_dir);
    std::error_code no_cache;
    const bool read_all = !std::filesystem::exists(cache_folder, no_cache);
    // Otherwise a file whose metadata did not change since the last build is not read again:
    // the content's, and parkpress's own when it has no build ID (/proc/self/exe is the running
    // program's file, even after another was installed at its path).
    const std::filesystem::path stats_file = write::file_stats_path(options.out_dir);
    load::FileStats known = read_all ? load::FileStats() : load::FileStats::read(stats_file);
    load::FileStats learnt;
    static constexpr char k_self[] = "/proc/self/exe";
    struct Self {
        std::string digest = "unreadable";
        std::optional<core::FileInfo> info; ///< when it was read or known
        std::int64_t seen_ns = 0;           ///< when it was looked at
    };
    auto self = std::async(std::launch::async, [&known] {
        Self me;
        // The linker's build ID digests the program already, and is in memory: a release
        // binary with its debug information is tens of megabytes to read and digest.
        if (const std::string id = core::program_build_id(); !id.empty()) {
            me.digest = "build-id " + id;
            return me;
        }
        me.seen_ns = core::now_ns();
        me.info = core::regular_file_info(k_self, true);
        if (const std::string* digest = me.info ? known.digest(k_self, *me.info) : nullptr) {
            me.digest = *digest;
            return me;
        }
        const auto bytes = core::read_file(k_self, &me.info.emplace());
        me.digest = bytes ? core::digest_of(*bytes) : "unreadable";
        if (!bytes) {
            me.info.reset();
        }
        return me;
    });
    const auto theme_digest = load::tree_digest(options.theme_dir);
    auto content_tree = theme_digest ? load::tree_digests(options.content_dir, static_cast<unsigned>(jobs), read_all,
                                                          &known, &learnt)
                                     : std::nullopt;
    const Self me = self.get();
    if (me.info) {
        learnt.learn(k_self, *me.info, me.digest, me.seen_ns);
    }
    if (content_tree && !(learnt == known)) {
        try {
            learnt.write(stats_file);
        } catch (const std::exception&) {
            std::error_code ignored;
            std::filesystem::remove(stats_file, ignored); // the next build reads every file
        }
    }
    const std::string option_text =
        fmt::format("parkpress {} {}\nstrict {}\npdf {}\nchanges {}\n", PARKPRESS_VERSION, me.digest, options.strict,
                    !options.no_pdf, options.changes);
    // The content's git history gives each page the date its content last changed, the
    // changes page and the bulletins' 本期数据变化: a new commit changes what the site says
    // even when no file's bytes change.
    const load::ContentHistory history = load::ContentHistory::read(options.content_dir);
    std::optional<std::string> inputs;
    if (content_tree) {
        inputs = load::combine_fingerprint(option_text + "history " + history.summary() + "\n", content_tree->digest,
                                           *theme_digest);
    }
    auto previous = write::read_manifest(options.out_dir);
    if (inputs && previous && previous->inputs == *inputs && write::is_intact(options.out_dir, *previous)) {
        out << previous->report_out;
        err << previous->report_err;
        out << fmt::format("{} is up to date: nothing changed since it was built ({})\n", options.out_dir,
                           plural(previous->pages, "page"));
        return k_exit_ok;
    }

    // The site before the current one, in which this build stages its own, is checked while
    // the content loads; after a cold build there is none, and it is made then, of links to
    // the current site's files. Either way it is a whole site before, which a build that stops
    // on an error leaves as it is. `previous` is not touched until this is done.
    auto before = std::async(std::launch::async, [&out_dir = options.out_dir, current = previous ? &*previous : nullptr] {
        std::optional<write::Manifest> site;
        if (current != nullptr) {
            site = write::intact_previous_site(out_dir);
            if (!site) {
                site = write::link_previous_site(out_dir, *current);
            }
        }
        return site;
    });

    progress.stage("loading content");
    std::ostringstream check_out;
    std::ostringstream check_err;
    // Parks whose files did not change since the last build are taken from its cache.
    load::ParkCache park_cache;
    auto loaded = load_checked(options.content_dir, options.strict, check_out, check_err, &timings,
                               std::make_pair(cache_folder, option_text), &park_cache,
                               content_tree ? &*content_tree : nullptr);
    if (content_tree) {
        decltype(content_tree->bytes)().swap(content_tree->bytes); // what the loader did not take
    }
    progress.clear();
    out << check_out.str();
    err << check_err.str();
    if (!loaded) {
        return k_exit_usage;
    }
    if (loaded->second) {
        err << "parkpress: content errors; nothing was written\n";
        return k_exit_content;
    }
    // What the site shows from the git history: since = "..." resolved now (an unknown one is
    // an error), the revisions loaded only for the pages rendered.
    std::optional<HistorySections> history_sections;
    std::string history_report;
    try {
        history_sections.emplace(options.content_dir, history, loaded->first.model, options.changes);
        core::Diagnostics since;
        history_sections->resolve(since);
        since.sort();
        std::ostringstream since_report;
        print_diagnostics(since, loaded->first, since_report);
        history_report = since_report.str();
        err << history_report;
        if (since.has_errors()) {
            err << "parkpress: content errors; nothing was written\n";
            return k_exit_content;
        }
    } catch (const load::GitError& e) {
        err << "parkpress: " << e.what() << '\n';
        return k_exit_usage;
    }
    // The parks as loaded, for the next build: written alongside the rest of this one (it
    // reads the model only), and kept even if this build fails later, as it is still right.
    std::future<void> cache_writer = std::async(std::launch::async, [&] {
        try {
            load::ParkCache::write(cache_folder, option_text, loaded->first, &park_cache);
        } catch (const std::exception&) {
            std::error_code ignored;
            std::filesystem::remove_all(cache_folder, ignored); // the next build loads every park
        }
    });
    render::Theme theme;
    try {
        theme = load::load_theme(options.theme_dir);
    } catch (const load::ThemeError& e) {
        err << "parkpress: " << e.what() << '\n';
        return k_exit_usage;
    }
    const model::SiteModel& model = loaded->first.model;
    const bool with_pdf = !options.no_pdf && !model.bulletins.empty();
    if (with_pdf) {
        try {
            write::check_pdf_tools();
        } catch (const write::ToolError& e) {
            err << "parkpress: " << e.what() << '\n';
            return k_exit_usage;
        }
    }
    timings.start("index");
    auto index = compute::build_index(model);
    const compute::UpdatedDates updated =
        history.known() ? compute::updated_dates(model, index,
                                                 [&history](const std::vector<std::string>& files) {
                                                     return history.last_date(files);
                                                 })
                        : compute::UpdatedDates();
    timings.start("stage output");
    std::optional<write::SiteWriter> writer;
    try {
        auto site_before = before.get();
        writer.emplace(options.out_dir, std::move(previous), std::move(site_before));
    } catch (const std::exception& e) {
        err << "parkpress: cannot write the output folder: " << e.what() << '\n';
        return k_exit_usage;
    }
    // What each page is made from, so that pages whose inputs did not change are kept.
    timings.start("page keys");
    std::optional<compute::PageKeys> keys;
    if (theme_digest) {
        // Whether every page links to the changes page.
        keys.emplace(model, index, loaded->first.texts,
                     option_text + *theme_digest + (history_sections->has_changes_page() ? "changes page\n" : ""),
                     &loaded->first.digests, &updated);
    }
    // The files' texts served the diagnostics and the keys; rendering reads the model only.
    std::map<std::string, std::string>().swap(loaded->first.texts);
    // Counts what is written, for the summary.
    struct CountingSink : render::Sink {
        write::SiteWriter& inner;
        std::atomic<std::size_t> files{0};
        std::atomic<std::size_t> pages{0};
        explicit CountingSink(write::SiteWriter& s) : inner(s) {}
        void count(const std::string& path) {
            ++files;
            pages += path.ends_with(".html") && path != "404.html" ? 1 : 0;
        }
        using render::Sink::put;
        void put(const std::string& path, std::string bytes, const std::string& key) override {
            count(path);
            inner.put(path, std::move(bytes), key);
        }
        void put_parts(const std::string& path, std::string bytes, const std::string& key,
                       const std::string& parts) override {
            count(path);
            inner.put_parts(path, std::move(bytes), key, parts);
        }
        std::optional<render::PreviousFile> previous(const std::string& path) override { return inner.previous(path); }
        bool reuse(const std::string& path, const std::string& key) override {
            const bool kept = inner.reuse(path, key);
            if (kept) {
                count(path);
            }
            return kept;
        }
    } sink(*writer);

    // The bulletins' PDFs are made by Pandoc and XeLaTeX in other processes, alongside the
    // site; a PDF whose inputs did not change is kept.
    std::vector<write::PdfJob> pdf_jobs;
    std::vector<write::PdfResult> pdf_results;
    std::vector<std::pair<std::string, std::string>> pdf_keys; // path, key of the PDFs made
    if (with_pdf) {
        for (const auto& b : model.bulletins) {
            const std::string path = "bulletins/" + b.id + ".pdf";
            const std::string key =
                keys ? render::with_changes_key(keys->bulletin_pdf(b), history_sections->bulletin_key(b)) : std::string();
            if (sink.reuse(path, key)) {
                continue;
            }
            auto data = compute::compute_bulletin(model, index, b);
            data.changes = history_sections->bulletin(b);
            pdf_jobs.push_back({b.id, b.file, model::to_string(b.date), render::bulletin_pandoc(model, index, data)});
            pdf_keys.emplace_back(path, key);
        }
    }
    std::thread pdf_thread;
    if (!pdf_jobs.empty()) {
        pdf_thread = std::thread([&] { pdf_results = write::build_pdfs(pdf_jobs, options.theme_dir, jobs); });
    }
    struct Joiner {
        std::thread& t;
        ~Joiner() {
            if (t.joinable()) {
                t.join();
            }
        }
    } joiner{pdf_thread};

    render::RenderOptions render_options;
    render_options.with_pdf = !options.no_pdf;
    render_options.jobs = jobs;
    render_options.timings = &timings;
    render_options.keys = keys ? &*keys : nullptr;
    render_options.updated = &updated;
    if (history_sections->has_changes_page()) {
        render_options.change_log = [&]() -> const compute::ChangeLog& { return history_sections->change_log(); };
        render_options.changes_key = history_sections->changes_key();
    }
    render_options.bulletin_changes = [&](const model::Bulletin& b) { return history_sections->bulletin(b); };
    render_options.bulletin_changes_key = [&](const model::Bulletin& b) { return history_sections->bulletin_key(b); };
    if (options.progress) {
        render_options.progress = [&progress](std::size_t done, std::size_t total) { progress.update("rendering", done, total); };
    }
    try {
        render::render_site(model, index, theme, sink, render_options);
    } catch (const render::TemplateError& e) {
        progress.clear();
        err << "parkpress: " << e.what() << "; nothing was written\n";
        return k_exit_content;
    } catch (const write::WriteError& e) {
        progress.clear();
        err << "parkpress: " << e.what() << "; the output folder was left as it was\n";
        return k_exit_usage;
    }
    if (pdf_thread.joinable()) {
        timings.start("bulletin PDFs (waiting)");
        progress.stage(fmt::format("building {}", plural(pdf_jobs.size(), "PDF bulletin")));
        pdf_thread.join();
        progress.clear();
        bool failed = false;
        for (std::size_t i = 0; i < pdf_results.size(); ++i) {
            auto& result = pdf_results[i];
            if (!result.error.empty()) {
                err << "parkpress: " << result.error << (result.error.ends_with("\n") ? "" : "\n");
                failed = true;
            } else {
                sink.put(pdf_keys[i].first, std::move(result.pdf), pdf_keys[i].second);
            }
        }
        if (failed) {
            err << "parkpress: a bulletin failed; nothing was written\n";
            return k_exit_content;
        }
    }
    // Revisions that could not be compared, found while rendering.
    for (const auto& d : history_sections->late_warnings()) {
        history_report += core::format_diagnostic(d) + "\n";
        err << core::format_diagnostic(d) << '\n';
    }
    timings.start("commit");
    progress.stage("writing");
    write::Manifest manifest;
    manifest.inputs = inputs.value_or("");
    manifest.report_out = check_out.str();
    manifest.report_err = check_err.str() + history_report;
    manifest.pages = sink.pages;
    try {
        writer->commit(std::move(manifest));
    } catch (const std::exception& e) {
        progress.clear();
        err << "parkpress: " << e.what() << "; the output folder was left as it was\n";
        return k_exit_usage;
    }
    timings.start("park cache (waiting)");
    cache_writer.get();
    progress.clear();
    out << fmt::format("built {} ({}) in {}: {} written, {} unchanged\n", plural(sink.pages, "page"),
                       plural(sink.files, "file"), options.out_dir, writer->written(), writer->kept());
    if (options.process_ends) {
        core::leave_to_exit(std::move(loaded), std::move(park_cache), std::move(index), std::move(keys),
                            std::move(content_tree), std::move(known), std::move(learnt));
    }
    return k_exit_ok;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool process_ends) {
    CLI::App app{"parkpress: a static report generator for Chinese development zones.\n"
                 "It reads a content folder of TOML data and Markdown narratives, checks it, and\n"
                 "builds a static website and PDF bulletins from it.",
                 "parkpress"};
    app.set_version_flag("--version", std::string("parkpress ") + PARKPRESS_VERSION);
    app.require_subcommand(1);
    app.footer("Exit status: 0 ok, 1 content errors, 2 usage or environment errors.\n"
               "The content format: docs/content-format.md.");

    std::string content_dir = "content";
    bool strict = false;
    CLI::App* check_cmd = app.add_subcommand("check", "Load and validate the content; report every error as FILE:LINE:COLUMN");
    check_cmd->add_option("CONTENT_DIR", content_dir, "the content folder")->capture_default_str();
    check_cmd->add_flag("--strict", strict, "treat warnings as errors");

    BuildOptions build_options;
    build_options.process_ends = process_ends;
    CLI::App* build_cmd = app.add_subcommand("build", "Check the content, then write the static site");
    build_cmd->add_option("CONTENT_DIR", build_options.content_dir, "the content folder")->capture_default_str();
    build_cmd->add_option("--out", build_options.out_dir, "the output folder")->capture_default_str();
    build_cmd->add_option("--theme", build_options.theme_dir, "the theme folder")->capture_default_str();
    build_cmd->add_flag("--strict", build_options.strict, "treat warnings as errors");
    build_cmd->add_flag("--no-pdf", build_options.no_pdf, "skip the bulletins' PDFs (no Pandoc or TeX needed)");
    build_cmd->add_option("--jobs,-j", build_options.jobs, "how many pages and bulletins to render at once (default: cores)");
    build_cmd->add_flag("--verbose,-v", build_options.verbose, "print the time each stage took");
    build_cmd->add_option("--changes", build_options.changes,
                          "commits on the changes page (from git; 0: no changes page)")
        ->check(CLI::Range(0, 100000))
        ->capture_default_str();

    DiffOptions diff_options;
    CLI::App* diff_cmd = app.add_subcommand(
        "diff", "List what changed in the content between two git revisions, figure by figure");
    std::array<std::string, 3> diff_arguments; // REV, REV2 (or CONTENT_DIR), CONTENT_DIR
    const std::array<CLI::Option*, 3> diff_given{
        diff_cmd->add_option("REV", diff_arguments[0], "the earlier revision: a commit, tag, branch, HEAD~3 ...")
            ->required(),
        diff_cmd->add_option("REV2", diff_arguments[1],
                             "the later revision (default: the working tree); with two arguments, a folder "
                             "here is CONTENT_DIR"),
        diff_cmd->add_option("CONTENT_DIR", diff_arguments[2], "the content folder (default: content)")};
    diff_cmd->add_option("--format", diff_options.format, "text for the terminal, json for tools, markdown for a pull request")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    diff_cmd->footer("Exit status: 0 whether or not anything changed, 1 content errors at either revision,\n"
                     "2 git problems (not a repository, unknown revision, no content folder there).");

    CLI::App* new_cmd = app.add_subcommand("new", "Write a template for new content");
    new_cmd->require_subcommand(1);
    std::string new_park_spec;
    std::string new_content_dir = "content";
    CLI::App* new_park_cmd = new_cmd->add_subcommand(
        "park", "Write parks/PROVINCE/SLUG.toml and SLUG.md with every key explained and placeholders that "
                "check reports until they are filled in");
    new_park_cmd->add_option("PROVINCE/SLUG", new_park_spec, "the province's slug and the new park's slug")->required();
    new_park_cmd->add_option("CONTENT_DIR", new_content_dir, "the content folder")->capture_default_str();

    if (!args.empty() && !args[0].starts_with("-")) {
        bool known = false;
        for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
            known = known || sub->get_name() == args[0];
        }
        if (!known) {
            err << "parkpress: unknown command \"" << args[0] << "\"; run parkpress --help for the commands\n";
            return k_exit_usage;
        }
    }
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        app.exit(e, out, err);
        return k_exit_usage;
    }
    if (check_cmd->parsed()) {
        return check(content_dir, strict, out, err);
    }
    if (build_cmd->parsed()) {
        // The progress line goes to a terminal only, and never into a test's stream.
        build_options.progress = &err == &std::cerr && isatty(STDERR_FILENO) != 0;
        return build(build_options, out, err);
    }
    if (diff_cmd->parsed()) {
        for (std::size_t i = 0; i < diff_arguments.size(); ++i) {
            if (diff_given[i]->count() > 0) {
                diff_options.arguments.push_back(diff_arguments[i]);
            }
        }
        return diff(diff_options, out, err);
    }
    if (new_park_cmd->parsed()) {
        return new_park(new_park_spec, new_content_dir, out, err);
    }
    return k_exit_usage;
}

} // namespace parkpress::app
