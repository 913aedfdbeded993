#include "load/content_loader.hpp"

#include "core/files.hpp"
#include "core/hash.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "load/placeholders.hpp"
#include "load/references.hpp"
#include "load/toml_reader.hpp"
#include "model/units.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <memory>
#include <thread>
#include <unordered_map>

namespace parkpress::load {
namespace fs = std::filesystem;
using core::SourceLocation;

namespace {

SourceLocation file_start(const std::string& file) { return {file, 1, 1}; }

bool is_hidden(const fs::path& p) { return p.filename().string().starts_with("."); }

/// Entries of a folder sorted by name, dot-files left out.
std::vector<fs::directory_entry> sorted_entries(const fs::path& dir) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!is_hidden(e.path())) {
            entries.push_back(e);
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    return entries;
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::optional<std::string>& text,
                               const std::array<std::pair<std::string_view, Enum>, N>& values, std::string_view what,
                               const SourceLocation& where, core::Diagnostics& diagnostics) {
    if (!text) {
        return std::nullopt;
    }
    std::vector<std::string> names;
    for (const auto& [name, value] : values) {
        if (name == *text) {
            return value;
        }
        names.emplace_back(name);
    }
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    }
    diagnostics.error(where, fmt::format("unknown {} \"{}\"; expected {}{}", what, *text, list,
                                         core::did_you_mean(*text, names)));
    return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, model::Dimension>, 5> k_dimensions{{
    {"area", model::Dimension::area},
    {"money", model::Dimension::money},
    {"money_per_area", model::Dimension::money_per_area},
    {"count", model::Dimension::count},
    {"percent", model::Dimension::percent},
}};
constexpr std::array<std::pair<std::string_view, model::Basis>, 3> k_bases{{
    {"annual", model::Basis::annual}, {"cumulative", model::Basis::cumulative}, {"stock", model::Basis::stock}}};
constexpr std::array<std::pair<std::string_view, model::Better>, 3> k_betters{{
    {"higher", model::Better::higher}, {"lower", model::Better::lower}, {"none", model::Better::none}}};
constexpr std::array<std::pair<std::string_view, model::Qualifier>, 4> k_qualifiers{{
    {"about", model::Qualifier::about},
    {"over", model::Qualifier::over},
    {"at_least", model::Qualifier::at_least},
    {"at_most", model::Qualifier::at_most}}};
constexpr std::array<std::pair<std::string_view, model::Level>, 3> k_levels{{
    {"national", model::Level::national}, {"provincial", model::Level::provincial},
    {"municipal", model::Level::municipal}}};

class Loader {
public:
    Loader(fs::path root, core::Diagnostics& diagnostics, const ParkCache* cache, TreeDigest* known)
        : m_root(std::move(root)), m_real_root(fs::canonical(m_root)), m_diagnostics(diagnostics), m_cache(cache),
          m_known(known) {
        m_out.root = m_root;
    }

    LoadedContent run() {
        load_site();
        load_indicators();
        load_sources();
        load_provinces();
        load_parks();
        m_out.park_diagnostics = m_diagnostics.all();
        load_bulletins();
        return std::move(m_out);
    }

private:
    Loader(fs::path root, fs::path real_root, core::Diagnostics& diagnostics, const ParkCache* cache,
           TreeDigest* known, std::string shared)
        : m_root(std::move(root)), m_real_root(std::move(real_root)), m_diagnostics(diagnostics), m_cache(cache),
          m_known(known), m_shared(std::move(shared)) {}

    std::string relative(const fs::path& p) const { return p.lexically_relative(m_root).generic_string(); }

    /// Whether a path, with every symbolic link resolved, stays inside the content folder.
    bool is_inside_root(const fs::path& p) const {
        std::error_code ec;
        const fs::path real = fs::canonical(p, ec);
        if (ec) {
            return false;
        }
        const auto mismatch = std::mismatch(m_real_root.begin(), m_real_root.end(), real.begin(), real.end());
        return mismatch.first == m_real_root.end();
    }

    /// is_inside_root() of a folder, resolved once per folder.
    bool folder_inside_root(const fs::path& folder) {
        const auto [it, added] = m_folders_inside.try_emplace(folder.native(), false);
        if (added) {
            it->second = is_inside_root(folder);
        }
        return it->second;
    }

    /// The bytes of `rel` that the fingerprint read, taken from it (each file is read once).
    std::optional<std::string> known_bytes(const std::string& rel) {
        if (m_known == nullptr) {
            return std::nullopt;
        }
        // Several loaders take files from here at once, each its own: no element is added
        // or removed, only moved out of.
        const auto it = m_known->bytes.find(rel);
        return it == m_known->bytes.end() ? std::nullopt : std::optional(std::move(it->second));
    }

    /// Whether anything is at `path` (a link, even dangling, is); a file the fingerprint read
    /// is, without asking the file system.
    bool exists(const fs::path& path) const {
        return (m_known != nullptr && m_known->files.contains(relative(path))) || fs::exists(fs::symlink_status(path));
    }

    /// Reads a file as UTF-8 text; reports and returns nullopt when it cannot.
    std::optional<std::string> read_text(const fs::path& path) {
        const std::string rel = relative(path);
        // A file the fingerprint read is a regular file and not a link: what follows holds.
        std::optional<std::string> bytes = known_bytes(rel);
        const bool known = bytes.has_value();
        if (!known) {
            bytes = read_checked(path, rel);
            if (!bytes) {
                return std::nullopt;
            }
        }
        const bool park_file = rel.starts_with("parks/");
        if (park_file) {
            // The digest of these very bytes (as the fingerprint's file_digest()): the park
            // cache keeps what they give under it.
            m_out.digests[rel] = known ? m_known->files.at(rel) : core::digest_of(*bytes);
        }
        std::string text = std::move(*bytes);
        if (const std::size_t bom = text.size() - core::strip_bom(text).size(); bom > 0) {
            text.erase(0, bom);
        }
        if (const auto bad = core::find_invalid_utf8(text)) {
            m_diagnostics.error({rel, bad->line, bad->column}, "text is not valid UTF-8");
            m_out.texts[rel] = std::move(text);
            return std::nullopt;
        }
        // Parks' texts are not kept (a diagnostic reads what it quotes again, text_of()),
        // except those with a placeholder, which check_placeholders() looks for here.
        if (!park_file || text.find(k_placeholder) != std::string::npos) {
            m_out.texts[rel] = text;
        }
        return text;
    }

    /// A file's bytes after checking what it is; reports and returns nullopt when it is not
    /// a file inside the content folder or cannot be read.
    std::optional<std::string> read_checked(const fs::path& path, const std::string& rel) {
        std::error_code ec;
        const auto link_status = fs::symlink_status(path, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) {
            m_diagnostics.error(file_start(rel), "cannot be read: " + ec.message());
            return std::nullopt;
        }
        if (!fs::exists(link_status)) {
            m_diagnostics.error(file_start(rel), "file is missing");
            return std::nullopt;
        }
        // A file that is not a link is inside the content folder when its folder is.
        const bool link = fs::is_symlink(link_status);
        const auto status = link ? fs::status(path, ec) : link_status;
        if (link && ec && ec != std::errc::no_such_file_or_directory) {
            m_diagnostics.error(file_start(rel), "cannot be read: " + ec.message());
            return std::nullopt;
        }
        if (link && !fs::exists(status)) {
            m_diagnostics.error(file_start(rel), "symbolic link to a file that does not exist");
            return std::nullopt;
        }
        if (link ? !is_inside_root(path) : !folder_inside_root(path.parent_path())) {
            m_diagnostics.error(file_start(rel), "symbolic link to a file outside the content folder");
            return std::nullopt;
        }
        if (!fs::is_regular_file(status)) {
            m_diagnostics.error(file_start(rel), "not a regular file");
            return std::nullopt;
        }
        auto bytes = core::read_file(path);
        if (!bytes) {
            m_diagnostics.error(file_start(rel), "file cannot be read");
        }
        return bytes;
    }

    std::optional<toml::table> parse_toml(const fs::path& path) {
        const auto text = read_text(path);
        if (!text) {
            return std::nullopt;
        }
        return parse_toml_text(*text, relative(path));
    }

    std::optional<toml::table> parse_toml_text(const std::string& text, const std::string& rel) {
        try {
            return toml::parse(std::string_view(text), std::string_view(rel));
        } catch (const toml::parse_error& e) {
            std::string message(e.description());
            constexpr std::string_view prefix = "Error while parsing ";
            if (message.starts_with(prefix)) {
                message.erase(0, prefix.size());
            }
            if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z') {
                message[0] = static_cast<char>(message[0] - 'A' + 'a');
            }
            m_diagnostics.error(location_of(rel, e.source()), "TOML does not parse: " + message);
            return std::nullopt;
        }
    }

    std::optional<std::string> slug_key(const toml::key& key, const std::string& file, std::string_view what) {
        const std::string name(key.str());
        if (!core::is_slug(name)) {
            m_diagnostics.error(location_of(file, key.source()),
                                fmt::format("{} \"{}\" is not a valid slug (lowercase letters, digits and single "
                                            "hyphens)", what, name));
            return std::nullopt;
        }
        return name;
    }

    bool check_stem(const fs::path& path, std::string_view what) {
        const std::string stem = path.stem().string();
        if (core::is_slug(stem)) {
            return true;
        }
        m_diagnostics.error(file_start(relative(path)),
                            fmt::format("{} \"{}\" is not a valid slug (lowercase letters, digits and single "
                                        "hyphens): rename the file", what, stem));
        return false;
    }

    void load_site() {
        const fs::path path = m_root / "site.toml";
        const auto table = parse_toml(path);
        if (!table) {
            m_out.model.gaps.kinds = true;
            return;
        }
        const core::FileName file = relative(path);
        TableReader r(*table, file, "site.toml", m_diagnostics, {"title", "description", "language", "base_url", "kinds"});
        auto& site = m_out.model.site;
        site.title = r.string("title", true).value_or("");
        site.description = r.string("description", false).value_or("");
        site.language = r.string("language", true).value_or("");
        if (const auto url = r.string("base_url", true)) {
            if (!url->starts_with("https://") && !url->starts_with("http://")) {
                m_diagnostics.error(r.where("base_url"), fmt::format("base_url must be an absolute http or https URL, got \"{}\"", *url));
            }
            site.base_url = url->ends_with("/") ? *url : *url + "/";
        }
        if (const toml::table* kinds = r.table("kinds", true)) {
            for (const auto& [key, node] : *kinds) {
                const auto name = slug_key(key, file, "kind");
                const toml::table* kind_table = node.as_table();
                if (kind_table == nullptr) {
                    m_out.model.gaps.kinds = true;
                    m_diagnostics.error(location_of(file, node.source()),
                                        fmt::format("kind \"{}\" must be a table such as {{ name = \"高新区\" }}, got {}",
                                                    key.str(), type_name(node)));
                    continue;
                }
                TableReader k(*kind_table, file, fmt::format("kind \"{}\"", key.str()), m_diagnostics, {"name", "name_en"});
                model::Kind kind{name.value_or(""), k.string("name", true).value_or(""),
                                 k.string("name_en", false).value_or(""), location_of(file, key.source())};
                k.finish();
                if (name) {
                    site.kinds.push_back(std::move(kind));
                } else {
                    m_out.model.gaps.kinds = true;
                }
            }
            if (kinds->empty()) {
                m_diagnostics.error(r.where("kinds"), "kinds must define at least one kind of park");
            }
            std::sort(site.kinds.begin(), site.kinds.end(),
                      [](const model::Kind& a, const model::Kind& b) { return a.where < b.where; });
        }
        r.finish();
    }

    void load_indicators() {
        const fs::path path = m_root / "indicators.toml";
        const auto table = parse_toml(path);
        if (!table) {
            m_out.model.gaps.indicators = true;
            return;
        }
        const core::FileName file = relative(path);
        for (const auto& [key, node] : *table) {
            const std::string name(key.str());
            const SourceLocation key_where = location_of(file, key.source());
            const toml::table* t = node.as_table();
            if (t == nullptr) {
                m_out.model.gaps.indicator_keys.insert(name);
                m_diagnostics.error(key_where, fmt::format("indicator \"{}\" must be a table ([{}]), got {}", name, name, type_name(node)));
                continue;
            }
            if (!core::is_indicator_key(name)) {
                m_diagnostics.error(key_where, fmt::format("indicator key \"{}\" is not valid (lowercase letters, "
                                                           "digits and underscores, starting with a letter)", name));
            }
            TableReader r(*t, file, fmt::format("indicator \"{}\"", name), m_diagnostics,
                          {"name", "name_en", "dimension", "unit", "basis", "better", "description"});
            model::Indicator ind;
            ind.key = name;
            ind.where = key_where;
            ind.name = r.string("name", true).value_or("");
            ind.name_en = r.string("name_en", false).value_or("");
            ind.description = r.string("description", false).value_or("");
            const auto dimension = parse_enum(r.string("dimension", true), k_dimensions, "dimension", r.where("dimension"), m_diagnostics);
            const auto basis = parse_enum(r.string("basis", true), k_bases, "basis", r.where("basis"), m_diagnostics);
            const auto better = parse_enum(r.string("better", true), k_betters, "value for better", r.where("better"), m_diagnostics);
            const auto unit = r.string("unit", true);
            r.finish();
            if (!dimension || !basis || !better || !unit) {
                m_out.model.gaps.indicator_keys.insert(name);
                continue;
            }
            ind.dimension = *dimension;
            ind.basis = *basis;
            ind.better = *better;
            ind.unit = *unit;
            if (check_indicator_unit(ind, r.where("unit"))) {
                m_out.model.indicators.emplace(name, std::move(ind));
            } else {
                m_out.model.gaps.indicator_keys.insert(name);
            }
        }
    }

    bool check_indicator_unit(const model::Indicator& ind, const SourceLocation& where) {
        if (ind.dimension == model::Dimension::count) {
            if (model::is_count_word(ind.unit)) {
                return true;
            }
            m_diagnostics.error(where, fmt::format("unknown unit \"{}\" for a count indicator: use a measure word such as "
                                                   "个, 家, 人, 项, 件, 次, 笔, 套 or 名{}", ind.unit,
                                                   core::did_you_mean(ind.unit, model::count_words())));
            return false;
        }
        if (model::is_count_word(ind.unit) || model::find_unit(ind.unit) != nullptr || model::is_foreign_currency(ind.unit)) {
            return unit_fits(ind.unit, ind.dimension, fmt::format("indicator \"{}\"", ind.key), where);
        }
        const auto units = model::units_of(ind.dimension);
        m_diagnostics.error(where, fmt::format("unknown unit \"{}\"; {} units are {}{}", ind.unit,
                                               model::to_string(ind.dimension), join(units), core::did_you_mean(ind.unit, units)));
        return false;
    }

    static std::string join(const std::vector<std::string>& items) {
        std::string out;
        for (const auto& i : items) {
            out += (out.empty() ? "" : ", ") + i;
        }
        return out;
    }

    /// Whether a convertible unit belongs to a dimension; reports why not.
    bool unit_fits(const std::string& unit, model::Dimension dimension, const std::string& owner,
                   const SourceLocation& where) {
        if (model::is_foreign_currency(unit)) {
            m_diagnostics.error(where, fmt::format("unit \"{}\" is not in Chinese yuan; version 1 of the content format "
                                                   "knows only 元, 万元 and 亿元", unit));
            return false;
        }
        const model::UnitInfo* info = model::find_unit(unit);
        if (info != nullptr && info->dimension == dimension) {
            return true;
        }
        if (info != nullptr || model::is_count_word(unit)) {
            const std::string unit_dimension = info != nullptr ? model::to_string(info->dimension) : "count";
            m_diagnostics.error(where, fmt::format("unit \"{}\" measures {}, but {} measures {}", unit, unit_dimension,
                                                   owner, model::to_string(dimension)));
            return false;
        }
        const auto units = model::units_of(dimension);
        m_diagnostics.error(where, fmt::format("unknown unit \"{}\"; {} units are {}{}", unit,
                                               model::to_string(dimension), join(units), core::did_you_mean(unit, units)));
        return false;
    }

    void load_sources() {
        const fs::path path = m_root / "sources.toml";
        const auto table = parse_toml(path);
        if (!table) {
            m_out.model.gaps.sources = true;
            return;
        }
        const core::FileName file = relative(path);
        for (const auto& [key, node] : *table) {
            const auto name = slug_key(key, file, "source key");
            const toml::table* t = node.as_table();
            if (t == nullptr) {
                m_out.model.gaps.source_keys.emplace(key.str());
                m_diagnostics.error(location_of(file, key.source()),
                                    fmt::format("source \"{}\" must be a table ([{}]), got {}", key.str(), key.str(), type_name(node)));
                continue;
            }
            TableReader r(*t, file, fmt::format("source \"{}\"", key.str()), m_diagnostics, {"title", "publisher", "date", "url"});
            model::Source s;
            s.key = std::string(key.str());
            s.where = location_of(file, key.source());
            s.title = r.string("title", true).value_or("");
            s.publisher = r.string("publisher", true).value_or("");
            const auto date = r.date("date", true);
            s.url = r.string("url", false).value_or("");
            if (!s.url.empty() && !s.url.starts_with("https://") && !s.url.starts_with("http://")) {
                m_diagnostics.error(r.where("url"), fmt::format("url must be an absolute http or https URL, got \"{}\"", s.url));
            }
            r.finish();
            if (date && name) {
                s.date = *date;
                m_out.model.sources.emplace(s.key, std::move(s));
            } else {
                m_out.model.gaps.source_keys.insert(s.key);
            }
        }
    }

    void load_provinces() {
        const fs::path dir = m_root / "provinces";
        if (!fs::is_directory(dir)) {
            m_diagnostics.error(file_start("provinces"), "the folder provinces/ is missing: add one <province>.toml per province");
            return;
        }
        for (const auto& entry : sorted_entries(dir)) {
            if (entry.path().extension() != ".toml") {
                continue;
            }
            if (!check_stem(entry.path(), "province slug")) {
                continue;
            }
            const auto table = parse_toml(entry.path());
            if (!table) {
                m_out.model.gaps.provinces = true;
                continue;
            }
            const core::FileName file = relative(entry.path());
            TableReader r(*table, file, "the province", m_diagnostics, {"name", "short", "name_en", "code"});
            model::Province p;
            p.slug = entry.path().stem().string();
            p.where = file_start(file);
            p.name = r.string("name", true).value_or("");
            p.short_name = r.string("short", true).value_or("");
            p.name_en = r.string("name_en", true).value_or("");
            if (const auto code = r.integer("code", true)) {
                p.code = *code;
                if (*code < 110000 || *code > 829999 || *code % 10000 != 0) {
                    m_diagnostics.error(r.where("code"), fmt::format("code must be a six-digit GB/T 2260 province code "
                                                                     "such as 410000, got {}", *code));
                }
            }
            r.finish();
            m_out.model.provinces.emplace(p.slug, std::move(p));
        }
    }

    std::optional<model::Narrative> load_narrative(const fs::path& path) {
        if (!exists(path)) {
            return std::nullopt;
        }
        const auto text = read_text(path);
        if (!text) {
            return std::nullopt;
        }
        return narrative_of(path, *text);
    }

    model::Narrative narrative_of(const fs::path& path, std::string text) {
        model::Narrative n;
        n.file = relative(path);
        n.text = std::move(text);
        n.references = parse_references(n.text, n.file, m_diagnostics);
        return n;
    }

    void load_parks() {
        const fs::path dir = m_root / "parks";
        if (!fs::is_directory(dir)) {
            m_diagnostics.error(file_start("parks"), "the folder parks/ is missing: add parks/<province>/<park>.toml files");
            return;
        }
        struct Entry {
            fs::directory_entry entry;
            std::string province;
            bool known_province = false;
        };
        // Every file read so far is one that parks are read against.
        core::Hasher shared;
        for (const auto& [file, text] : m_out.texts) {
            shared.add(file).add(text);
        }
        m_shared = shared.hex();
        m_out.shared_digest = m_shared;
        std::vector<Entry> entries;
        for (const auto& folder : sorted_entries(dir)) {
            const std::string rel = relative(folder.path());
            std::error_code ec;
            if (!folder.is_directory(ec)) {
                if (folder.path().extension() == ".toml" || folder.path().extension() == ".md") {
                    m_diagnostics.error(file_start(rel), "park files belong in a province folder: parks/<province>/<park>.toml");
                }
                continue;
            }
            const std::string province = folder.path().filename().string();
            const bool known_province = fs::exists(m_root / "provinces" / (province + ".toml"));
            for (const auto& entry : sorted_entries(folder.path())) {
                entries.push_back({entry, province, known_province});
            }
        }
        // Parks are independent of each other: they are read by several threads, each into
        // a loader of its own over a contiguous run of files, and merged in order.
        const std::size_t threads =
            entries.size() < 256 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
        if (threads == 1) {
            for (const auto& e : entries) {
                load_park_entry(e.entry, e.province, e.known_province);
            }
        } else {
            std::vector<core::Diagnostics> diagnostics(threads);
            std::vector<std::unique_ptr<Loader>> workers;
            for (std::size_t t = 0; t < threads; ++t) {
                workers.push_back(
                    std::unique_ptr<Loader>(new Loader(m_root, m_real_root, diagnostics[t], m_cache, m_known, m_shared)));
                model::SiteModel& m = workers.back()->m_out.model;
                m.site = m_out.model.site;
                m.indicators = m_out.model.indicators;
                m.sources = m_out.model.sources;
                m.provinces = m_out.model.provinces;
                m.gaps = m_out.model.gaps;
            }
            core::for_each_run(entries.size(), threads, [&](std::size_t t, std::size_t begin, std::size_t end) {
                for (std::size_t i = begin; i < end; ++i) {
                    workers[t]->load_park_entry(entries[i].entry, entries[i].province, entries[i].known_province);
                }
            });
            for (std::size_t t = 0; t < threads; ++t) {
                LoadedContent& part = workers[t]->m_out;
                std::move(part.model.parks.begin(), part.model.parks.end(), std::back_inserter(m_out.model.parks));
                m_out.texts.merge(part.texts);
                m_out.digests.merge(part.digests);
                m_out.model.gaps.park_slugs.merge(part.model.gaps.park_slugs);
                m_diagnostics.take(std::move(diagnostics[t]));
            }
        }
        std::sort(m_out.model.parks.begin(), m_out.model.parks.end(), [](const model::Park& a, const model::Park& b) {
            return std::tie(a.province, a.slug) < std::tie(b.province, b.slug);
        });
        m_out.model.index_parks();
    }

    void load_park_entry(const fs::directory_entry& entry, const std::string& province, bool known_province) {
        const fs::path& path = entry.path();
        const std::string rel = relative(path);
        std::error_code ec;
        if (entry.is_directory(ec)) {
            m_diagnostics.error(file_start(rel), "unexpected folder: parks/<province>/ holds only <park>.toml and <park>.md files");
            return;
        }
        if (path.extension() == ".md") {
            fs::path toml_path = path;
            toml_path.replace_extension(".toml");
            if (!exists(toml_path)) {
                m_diagnostics.error(file_start(rel), fmt::format("narrative without a park: {} does not exist",
                                                                 relative(toml_path)));
            }
            return;
        }
        if (path.extension() != ".toml") {
            return;
        }
        if (!check_stem(path, "park slug")) {
            return;
        }
        if (!known_province) {
            m_diagnostics.error(file_start(rel), fmt::format("park folder \"{}\" names no province: "
                                                             "provinces/{}.toml does not exist{}", province, province,
                                                             core::did_you_mean(province, province_slugs())));
        }
        fs::path md = path;
        md.replace_extension(".md");
        if (auto cached = unread_cache_entry(rel, relative(md))) {
            take_cached(std::move(*cached));
            return;
        }
        const auto text = read_text(path);
        // The narrative is read even when the park file has errors, so that one run reports
        // the errors of both.
        const bool has_narrative = exists(md);
        auto narrative = has_narrative ? read_text(md) : std::nullopt;
        if (!text) {
            m_out.model.gaps.park_slugs.insert(path.stem().string());
            return;
        }
        if (auto cached = cache_entry(rel, has_narrative, narrative, md)) {
            take_cached(std::move(*cached));
            return;
        }
        const auto table = parse_toml_text(*text, rel);
        if (!table) {
            m_out.model.gaps.park_slugs.insert(path.stem().string());
            return;
        }
        model::Park park = read_park(*table, rel);
        park.slug = path.stem().string();
        park.province = province;
        if (narrative) {
            park.narrative = narrative_of(md, std::move(*narrative));
        }
        m_out.model.parks.push_back(std::move(park));
    }

    /// A park from the cache, with the warnings it gave when it was loaded.
    void take_cached(ParkCache::Entry&& cached) {
        for (auto& d : cached.diagnostics) {
            (d.severity == core::Severity::error ? m_diagnostics.error(d.where, std::move(d.message))
                                                 : m_diagnostics.warning(d.where, std::move(d.message)));
        }
        m_out.model.parks.push_back(std::move(cached.park));
    }

    /// The cache's entry of the park file `rel` (narrative `md_rel`) if the digests known
    /// beforehand say its files are as they were then: they are not read at all. The
    /// fingerprint that knew them found only regular files, so the checks of read_text()
    /// hold, and the bytes were valid UTF-8 when the cache took them.
    std::optional<ParkCache::Entry> unread_cache_entry(const std::string& rel, const std::string& md_rel) {
        if (m_cache == nullptr || m_known == nullptr) {
            return std::nullopt;
        }
        const auto toml = m_known->files.find(rel);
        if (toml == m_known->files.end()) {
            return std::nullopt;
        }
        const auto narrative = m_known->files.find(md_rel);
        const bool has_narrative = narrative != m_known->files.end();
        auto cached = m_cache->find(rel, toml->second, has_narrative ? std::string_view(narrative->second) : std::string_view(),
                                    m_shared);
        if (cached) {
            m_out.digests[rel] = toml->second;
            if (has_narrative) {
                m_out.digests[md_rel] = narrative->second;
            }
        }
        return cached;
    }

    /// The cache's entry of the park file `rel` if its files are as they were then.
    std::optional<ParkCache::Entry> cache_entry(const std::string& rel, bool has_narrative,
                                                const std::optional<std::string>& narrative, const fs::path& md) const {
        if (m_cache == nullptr || (has_narrative && !narrative)) {
            return std::nullopt;
        }
        return m_cache->find(rel, m_out.digests.at(rel), has_narrative ? m_out.digests.at(relative(md)) : std::string(),
                             m_shared);
    }

    std::vector<std::string> province_slugs() const {
        std::vector<std::string> out;
        for (const auto& [slug, p] : m_out.model.provinces) {
            out.push_back(slug);
        }
        return out;
    }

    model::Park read_park(const toml::table& table, const std::string& file) {
        TableReader r(table, file, "the park", m_diagnostics,
                      {"name", "name_en", "city", "kind", "level", "parent", "founded", "industries", "area", "facts",
                       "targets", "ranks"});
        model::Park park;
        park.file = file;
        park.name = r.string("name", true).value_or("");
        park.name_en = r.string("name_en", false).value_or("");
        park.city = r.string("city", true).value_or("");
        park.kind = r.string("kind", true).value_or("");
        park.kind_where = r.where("kind");
        park.level = parse_enum(r.string("level", true), k_levels, "level", r.where("level"), m_diagnostics)
                         .value_or(model::Level::municipal);
        park.parent = r.string("parent", false).value_or("");
        park.parent_where = r.where("parent");
        if (const auto founded = r.integer("founded", false)) {
            if (*founded < 1000 || *founded > 9999) {
                m_diagnostics.error(r.where("founded"), fmt::format("\"founded\" must be a four-digit year, got {}", *founded));
            } else {
                park.founded = static_cast<int>(*founded);
            }
        }
        park.industries = r.string_array("industries", false).value_or(std::vector<std::string>{});
        if (const toml::table* area = r.table("area", false)) {
            TableReader a(*area, file, "area", m_diagnostics, {"value", "unit", "source"});
            const auto value = a.number("value", true);
            const auto unit = a.string("unit", true);
            model::Area out;
            out.source = a.string("source", false).value_or("");
            out.source_where = a.where("source");
            a.finish();
            if (value && unit) {
                out.quantity = {*value, *unit, a.where("value"), a.where("unit")};
                park.area = std::move(out);
            }
        }
        if (const toml::array* facts = r.array_of_tables("facts", false)) {
            for (const auto& node : *facts) {
                if (auto fact = read_fact(*node.as_table(), file)) {
                    park.facts.push_back(std::move(*fact));
                } else {
                    ++park.dropped_facts;
                    park.dropped_indicators.insert(node.as_table()->get("indicator") != nullptr
                                                       ? node.as_table()->get("indicator")->value_or(std::string{})
                                                       : std::string{});
                }
            }
        }
        if (const toml::array* targets = r.array_of_tables("targets", false)) {
            for (const auto& node : *targets) {
                if (auto target = read_target(*node.as_table(), file)) {
                    park.targets.push_back(std::move(*target));
                } else {
                    ++park.dropped_targets;
                    park.dropped_indicators.insert(node.as_table()->get("indicator") != nullptr
                                                       ? node.as_table()->get("indicator")->value_or(std::string{})
                                                       : std::string{});
                }
            }
        }
        if (const toml::array* ranks = r.array_of_tables("ranks", false)) {
            for (const auto& node : *ranks) {
                if (auto rank = read_rank(*node.as_table(), file)) {
                    park.ranks.push_back(std::move(*rank));
                }
            }
        }
        r.finish();
        return park;
    }

    std::optional<model::Quantity> read_quantity(TableReader& r) {
        const auto value = r.number("value", true);
        const auto unit = r.string("unit", true);
        if (!value || !unit) {
            return std::nullopt;
        }
        return model::Quantity{*value, *unit, r.where("value"), r.where("unit")};
    }

    model::Qualifier read_qualifier(TableReader& r) {
        return parse_enum(r.string("qualifier", false), k_qualifiers, "qualifier", r.where("qualifier"), m_diagnostics)
            .value_or(model::Qualifier::none);
    }

    std::optional<model::Fact> read_fact(const toml::table& t, const std::string& file) {
        TableReader r(t, file, "[[facts]]", m_diagnostics,
                      {"indicator", "value", "unit", "qualifier", "period", "basis", "source", "note"});
        model::Fact f;
        f.where = r.where();
        const auto indicator = r.string("indicator", true);
        const auto quantity = read_quantity(r);
        f.qualifier = read_qualifier(r);
        const auto period = r.period("period", true);
        f.basis = parse_enum(r.string("basis", false), k_bases, "basis", r.where("basis"), m_diagnostics);
        const auto source = r.string("source", true);
        f.note = r.string("note", false).value_or("");
        f.indicator_where = r.where("indicator");
        f.source_where = r.where("source");
        f.period_where = r.where("period");
        r.finish();
        if (!indicator || !quantity || !period || !source) {
            return std::nullopt;
        }
        f.indicator = *indicator;
        f.quantity = *quantity;
        f.period = *period;
        f.source = *source;
        return f;
    }

    std::optional<model::Target> read_target(const toml::table& t, const std::string& file) {
        TableReader r(t, file, "[[targets]]", m_diagnostics,
                      {"indicator", "value", "unit", "qualifier", "by", "source", "note"});
        model::Target g;
        g.where = r.where();
        const auto indicator = r.string("indicator", true);
        const auto quantity = read_quantity(r);
        g.qualifier = read_qualifier(r);
        const auto by = r.integer("by", true);
        const auto source = r.string("source", true);
        g.note = r.string("note", false).value_or("");
        g.indicator_where = r.where("indicator");
        g.source_where = r.where("source");
        g.by_where = r.where("by");
        r.finish();
        if (by && (*by < 1000 || *by > 9999)) {
            m_diagnostics.error(g.by_where, fmt::format("\"by\" must be a four-digit year, got {}", *by));
            return std::nullopt;
        }
        if (!indicator || !quantity || !by || !source) {
            return std::nullopt;
        }
        g.indicator = *indicator;
        g.quantity = *quantity;
        g.by = static_cast<int>(*by);
        g.source = *source;
        return g;
    }

    std::optional<model::Rank> read_rank(const toml::table& t, const std::string& file) {
        TableReader r(t, file, "[[ranks]]", m_diagnostics, {"system", "cohort", "rank", "of", "period", "source"});
        model::Rank k;
        k.where = r.where();
        const auto system = r.string("system", true);
        const auto cohort = r.string("cohort", true);
        const auto rank = r.integer("rank", true);
        k.of = r.integer("of", false);
        const auto period = r.year_or_string("period", true);
        const auto source = r.string("source", true);
        k.rank_where = r.where("rank");
        k.source_where = r.where("source");
        const SourceLocation of_where = r.where("of");
        r.finish();
        if (k.of && *k.of < 1) {
            m_diagnostics.error(of_where, fmt::format("\"of\" (the size of the cohort) must be at least 1, got {}", *k.of));
        }
        if (!system || !cohort || !rank || !period || !source) {
            return std::nullopt;
        }
        k.system = *system;
        k.cohort = *cohort;
        k.rank = *rank;
        k.period = *period;
        k.source = *source;
        return k;
    }

    void load_bulletins() {
        const fs::path dir = m_root / "bulletins";
        if (!fs::is_directory(dir)) {
            return; // bulletins are optional
        }
        for (const auto& entry : sorted_entries(dir)) {
            const fs::path& path = entry.path();
            if (path.extension() == ".md") {
                fs::path toml_path = path;
                toml_path.replace_extension(".toml");
                if (!exists(toml_path)) {
                    m_diagnostics.error(file_start(relative(path)), fmt::format("narrative without a bulletin: {} does not exist",
                                                                              relative(toml_path)));
                }
                continue;
            }
            if (path.extension() != ".toml" || !check_stem(path, "bulletin id")) {
                continue;
            }
            const auto table = parse_toml(path);
            if (!table) {
                continue;
            }
            const core::FileName file = relative(path);
            TableReader r(*table, file, "the bulletin", m_diagnostics,
                          {"title", "number", "date", "provinces", "kinds", "parks", "indicators", "period", "since"});
            model::Bulletin b;
            b.id = path.stem().string();
            b.file = file;
            b.title = r.string("title", true).value_or("");
            b.number = r.string("number", true).value_or("");
            const auto date = r.date("date", true);
            b.provinces = r.string_array("provinces", false, &b.provinces_where).value_or(std::vector<std::string>{});
            b.kinds = r.string_array("kinds", false, &b.kinds_where).value_or(std::vector<std::string>{});
            b.parks = r.string_array("parks", false, &b.parks_where).value_or(std::vector<std::string>{});
            const auto indicators = r.string_array("indicators", true, &b.indicators_where);
            b.indicators_key_where = r.where("indicators");
            const auto period = r.period("period", true);
            const auto since = r.string("since", false);
            b.since = since.value_or("");
            b.since_where = r.where("since");
            if (since && since->empty()) {
                m_diagnostics.error(b.since_where, "since is empty: write an earlier bulletin's id or a git revision, "
                                                   "or leave the key out");
            }
            r.finish();
            if (!date || !indicators || !period) {
                continue;
            }
            b.date = *date;
            b.indicators = *indicators;
            b.period = *period;
            fs::path md = path;
            md.replace_extension(".md");
            b.narrative = load_narrative(md);
            m_out.model.bulletins.push_back(std::move(b));
        }
    }

    fs::path m_root;
    fs::path m_real_root;
    std::unordered_map<std::string, bool> m_folders_inside; ///< folder_inside_root() so far
    core::Diagnostics& m_diagnostics;
    const ParkCache* m_cache = nullptr;
    TreeDigest* m_known = nullptr;
    std::string m_shared; ///< LoadedContent::shared_digest, once the parks are being read
    LoadedContent m_out;
};

} // namespace

std::optional<std::string> text_of(const LoadedContent& content, const std::string& file) {
    if (const auto it = content.texts.find(file); it != content.texts.end()) {
        return it->second;
    }
    // Only what the loader could have left unread: a regular file, not a link (nor a FIFO,
    // which would block).
    std::error_code ec;
    const fs::path path = content.root / file;
    if (content.root.empty() || !fs::is_regular_file(fs::symlink_status(path, ec))) {
        return std::nullopt;
    }
    const auto bytes = core::read_file(path);
    if (!bytes) {
        return std::nullopt;
    }
    std::string text(core::strip_bom(*bytes));
    return core::find_invalid_utf8(text) ? std::nullopt : std::optional(std::move(text));
}

LoadedContent load_content(const fs::path& root, core::Diagnostics& diagnostics, const ParkCache* cache,
                           TreeDigest* known) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        throw ContentFolderError(fmt::format("content folder \"{}\" does not exist or is not a folder",
                                             root.generic_string()));
    }
    return Loader(root, diagnostics, cache, known).run();
}

} // namespace parkpress::load
