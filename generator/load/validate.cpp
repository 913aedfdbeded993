#include "load/validate.hpp"

#include "core/parallel.hpp"
#include "core/text.hpp"
#include "model/units.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_set>

namespace parkpress::load {
namespace {

using core::SourceLocation;
using model::Dimension;

template <typename Map>
std::vector<std::string> keys_of(const Map& map) {
    std::vector<std::string> out;
    for (const auto& [key, value] : map) {
        out.push_back(key);
    }
    return out;
}

/// What XeLaTeX can typeset in a bulletin (see check_typesetting_limits).
constexpr std::size_t k_max_bulletin_narrative = 2'000'000; // bytes: some 500 pages of Chinese
constexpr std::size_t k_max_paragraph = 5000;               // characters

class Validator {
public:
    Validator(const model::SiteModel& model, core::Diagnostics& diagnostics)
        : m_model(model), m_diagnostics(diagnostics) {}

    void run() {
        check_duplicate_slugs();
        each_park([](Validator& v, const model::Park& park) { v.check_park(park); });
        check_parent_cycles();
        each_park([](Validator& v, const model::Park& park) {
            if (park.narrative) {
                v.check_references(*park.narrative, &park);
            }
        });
        for (const auto& bulletin : m_model.bulletins) {
            check_bulletin(bulletin);
        }
        warn_unused_indicators();
    }

private:
    /// Checks each park on its own: with many parks, on several threads, each a Validator of
    /// its own over a contiguous run of parks, whose diagnostics are taken in park order, so
    /// that they come out as one thread would give them.
    template <typename Check>
    void each_park(const Check& check) {
        const std::size_t count = m_model.parks.size();
        const std::size_t threads = count < 1024 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
        if (threads == 1) {
            for (const auto& park : m_model.parks) {
                check(*this, park);
            }
            return;
        }
        std::vector<core::Diagnostics> diagnostics(threads);
        core::for_each_run(count, threads, [&](std::size_t t, std::size_t begin, std::size_t end) {
            Validator v(m_model, diagnostics[t]);
            for (std::size_t i = begin; i < end; ++i) {
                check(v, m_model.parks[i]);
            }
        });
        for (auto& part : diagnostics) {
            m_diagnostics.take(std::move(part));
        }
    }

    void check_duplicate_slugs() {
        std::map<std::string, const model::Park*> first;
        for (const auto& park : m_model.parks) {
            const auto [it, inserted] = first.emplace(park.slug, &park);
            if (!inserted) {
                m_diagnostics.error({park.file, 1, 1}, fmt::format("park slug \"{}\" is also used by {}; a park's slug "
                                                                   "must be unique across all provinces",
                                                                   park.slug, it->second->file));
            }
        }
    }

    const model::Indicator* indicator(const std::string& key, const SourceLocation& where) {
        if (const model::Indicator* found = m_model.find_indicator(key)) {
            return found;
        }
        if (m_model.gaps.indicators || m_model.gaps.indicator_keys.contains(key)) {
            return nullptr;
        }
        m_diagnostics.error(where, fmt::format("unknown indicator \"{}\"{}", key, core::did_you_mean(key, indicator_keys())));
        return nullptr;
    }

    const model::Source* source(const std::string& key, const SourceLocation& where) {
        if (const model::Source* found = m_model.find_source(key)) {
            return found;
        }
        if (m_model.gaps.sources || m_model.gaps.source_keys.contains(key)) {
            return nullptr;
        }
        m_diagnostics.error(where, fmt::format("unknown source \"{}\"{}", key, core::did_you_mean(key, source_keys())));
        return nullptr;
    }

    /// Checks a quantity's unit against a dimension (and, for counts, the indicator's word)
    /// and its sign.
    void check_quantity(const model::Quantity& q, Dimension dimension, const std::string& count_word,
                        const std::string& owner) {
        if (dimension == Dimension::count) {
            if (q.unit != count_word) {
                const model::UnitInfo* info = model::find_unit(q.unit);
                if (info != nullptr) {
                    m_diagnostics.error(q.unit_where, fmt::format("unit \"{}\" measures {}, but {} is a count in \"{}\"",
                                                                  q.unit, model::to_string(info->dimension), owner, count_word));
                } else {
                    m_diagnostics.error(q.unit_where, fmt::format("unit \"{}\" is not the unit of {}: counts are not "
                                                                  "converted, write \"{}\"", q.unit, owner, count_word));
                }
            }
        } else if (model::is_foreign_currency(q.unit)) {
            m_diagnostics.error(q.unit_where, fmt::format("unit \"{}\" is not in Chinese yuan; version 1 of the content "
                                                          "format knows only 元, 万元 and 亿元", q.unit));
        } else if (const model::UnitInfo* info = model::find_unit(q.unit)) {
            if (info->dimension != dimension) {
                m_diagnostics.error(q.unit_where, fmt::format("unit \"{}\" measures {}, but {} measures {}", q.unit,
                                                              model::to_string(info->dimension), owner,
                                                              model::to_string(dimension)));
            }
        } else {
            const auto units = dimension == Dimension::count ? model::count_words() : model::units_of(dimension);
            m_diagnostics.error(q.unit_where, fmt::format("unknown unit \"{}\"{}", q.unit, core::did_you_mean(q.unit, units)));
        }
        const bool must_be_positive = dimension == Dimension::area || dimension == Dimension::money
                                      || dimension == Dimension::money_per_area;
        if (q.value.is_negative()) {
            if (must_be_positive) {
                m_diagnostics.error(q.where, fmt::format("{} value must not be negative, got {}",
                                                         model::to_string(dimension), q.value.to_string()));
            } else if (dimension == Dimension::count) {
                m_diagnostics.warning(q.where, fmt::format("negative count {}", q.value.to_string()));
            }
        }
    }

    void check_park(const model::Park& park) {
        if (!park.kind.empty() && m_model.find_kind(park.kind) == nullptr && !m_model.gaps.kinds) {
            m_diagnostics.error(park.kind_where, fmt::format("unknown kind \"{}\" (kinds are defined in site.toml){}",
                                                             park.kind, core::did_you_mean(park.kind, kind_keys())));
        }
        if (!park.parent.empty()) {
            if (park.parent == park.slug) {
                m_diagnostics.error(park.parent_where, fmt::format("parent cycle: park \"{}\" is its own parent", park.slug));
            } else if (m_model.find_park(park.parent) == nullptr && !m_model.gaps.park_slugs.contains(park.parent)) {
                m_diagnostics.error(park.parent_where, fmt::format("unknown parent park \"{}\"{}", park.parent,
                                                                   core::did_you_mean(park.parent, park_slugs())));
            }
        }
        if (park.area) {
            check_quantity(park.area->quantity, Dimension::area, "", "the park's area");
            if (!park.area->source.empty()) {
                source(park.area->source, park.area->source_where);
            }
        }
        if (park.facts.empty() && park.dropped_facts == 0) {
            m_diagnostics.warning({park.file, 1, 1}, fmt::format("park \"{}\" has no facts", park.slug));
        }
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& fact : park.facts) {
            check_fact(fact);
            if (!seen.emplace(fact.indicator, model::to_string(fact.period)).second) {
                m_diagnostics.warning(fact.period_where, fmt::format("a second fact for indicator \"{}\" with period {}; "
                                                                     "only the last one is shown as the latest",
                                                                     fact.indicator, model::to_string(fact.period)));
            }
        }
        for (const auto& target : park.targets) {
            check_target(target);
        }
        for (const auto& rank : park.ranks) {
            check_rank(rank);
        }
    }

    void check_fact(const model::Fact& fact) {
        if (const auto* ind = indicator(fact.indicator, fact.indicator_where)) {
            check_quantity(fact.quantity, ind->dimension, ind->unit, fmt::format("indicator \"{}\"", ind->key));
        }
        if (const auto* src = source(fact.source, fact.source_where)) {
            const bool after = fact.period.date ? *fact.period.date > src->date : fact.period.year > src->date.year;
            if (after) {
                m_diagnostics.warning(fact.period_where, fmt::format("fact period {} is after the date of its source "
                                                                     "\"{}\" ({}); is it a target?",
                                                                     model::to_string(fact.period), src->key,
                                                                     model::to_string(src->date)));
            }
        }
    }

    void check_target(const model::Target& target) {
        if (const auto* ind = indicator(target.indicator, target.indicator_where)) {
            check_quantity(target.quantity, ind->dimension, ind->unit, fmt::format("indicator \"{}\"", ind->key));
        }
        if (const auto* src = source(target.source, target.source_where)) {
            if (target.by < src->date.year) {
                m_diagnostics.warning(target.by_where, fmt::format("target year {} is before the date of its source "
                                                                   "\"{}\" ({}); is it an actual?",
                                                                   target.by, src->key, model::to_string(src->date)));
            }
        }
    }

    void check_rank(const model::Rank& rank) {
        if (rank.rank < 1) {
            m_diagnostics.error(rank.rank_where, fmt::format("rank must be at least 1, got {}", rank.rank));
        } else if (rank.of && *rank.of >= 1 && rank.rank > *rank.of) {
            m_diagnostics.error(rank.rank_where, fmt::format("rank {} is above the size of its cohort (of = {})",
                                                             rank.rank, *rank.of));
        }
        source(rank.source, rank.source_where);
    }

    void check_parent_cycles() {
        std::set<std::string> reported;
        for (const auto& park : m_model.parks) {
            std::vector<std::string> chain{park.slug};
            const model::Park* current = &park;
            while (current != nullptr && !current->parent.empty() && current->parent != current->slug) {
                const auto loop = std::find(chain.begin(), chain.end(), current->parent);
                if (loop != chain.end()) {
                    if (loop == chain.begin() && !reported.contains(park.slug)) {
                        std::string path;
                        for (const auto& s : chain) {
                            path += s + " -> ";
                        }
                        m_diagnostics.error(park.parent_where, fmt::format("parent cycle: {}{}", path, park.slug));
                        reported.insert(chain.begin(), chain.end());
                    }
                    break;
                }
                chain.push_back(current->parent);
                current = m_model.find_park(current->parent);
            }
        }
    }

    void check_references(const model::Narrative& narrative, const model::Park* own) {
        for (const auto& ref : narrative.references) {
            const model::Park* park = own;
            if (!ref.park.empty()) {
                park = m_model.find_park(ref.park);
                if (park == nullptr && m_model.gaps.park_slugs.contains(ref.park)) {
                    continue;
                }
                if (park == nullptr) {
                    m_diagnostics.error(ref.where, fmt::format("unknown park \"{}\" in reference{}", ref.park,
                                                               core::did_you_mean(ref.park, park_slugs())));
                    continue;
                }
            } else if (park == nullptr) {
                m_diagnostics.error(ref.where, "a bulletin's reference must name its park: {{fact PARK INDICATOR}}");
                continue;
            }
            if (!m_model.indicators.contains(ref.indicator)) {
                if (m_model.gaps.indicators || m_model.gaps.indicator_keys.contains(ref.indicator)) {
                    continue;
                }
                m_diagnostics.error(ref.where, fmt::format("unknown indicator \"{}\" in reference{}", ref.indicator,
                                                           core::did_you_mean(ref.indicator, indicator_keys())));
                continue;
            }
            const bool is_fact = ref.kind == model::Reference::Kind::fact;
            const bool found = is_fact ? m_model.latest_fact(*park, ref.indicator) != nullptr
                                       : m_model.latest_target(*park, ref.indicator) != nullptr;
            const bool maybe_dropped = park->dropped_indicators.contains(ref.indicator)
                                       || park->dropped_indicators.contains("");
            if (!found && !maybe_dropped) {
                m_diagnostics.error(ref.where, fmt::format("reference does not resolve: park \"{}\" has no {} for "
                                                           "indicator \"{}\"", park->slug, is_fact ? "fact" : "target",
                                                           ref.indicator));
            }
        }
    }

    void check_names(const std::vector<std::string>& names, const std::vector<SourceLocation>& where,
                     const std::vector<std::string>& known, std::string_view what,
                     const std::set<std::string>& unloaded = {}) {
        for (std::size_t i = 0; i < names.size() && i < where.size(); ++i) {
            if (std::find(known.begin(), known.end(), names[i]) == known.end() && !unloaded.contains(names[i])) {
                m_diagnostics.error(where[i], fmt::format("unknown {} \"{}\"{}", what, names[i],
                                                          core::did_you_mean(names[i], known)));
            }
        }
    }

    void check_bulletin(const model::Bulletin& b) {
        const SourceLocation where{b.file, 1, 1};
        if (!m_model.gaps.provinces) {
            check_names(b.provinces, b.provinces_where, keys_of(m_model.provinces), "province");
        }
        if (!m_model.gaps.kinds) {
            check_names(b.kinds, b.kinds_where, kind_keys(), "kind");
        }
        check_names(b.parks, b.parks_where, park_slugs(), "park", m_model.gaps.park_slugs);
        if (!m_model.gaps.indicators) {
            check_names(b.indicators, b.indicators_where, indicator_keys(), "indicator", m_model.gaps.indicator_keys);
        }
        if (b.indicators.empty()) {
            m_diagnostics.error(b.indicators_key_where, "the bulletin names no indicator: list at least one in "
                                                        "indicators = [...]");
        }
        const bool selection_known = m_model.gaps.park_slugs.empty() && !m_model.gaps.kinds && !m_model.gaps.provinces;
        if (selection_known && m_model.bulletin_parks(b).empty()) {
            m_diagnostics.error(where, "the bulletin selects no park: no park is in all of its provinces, kinds and parks");
        }
        if (b.narrative) {
            check_references(*b.narrative, nullptr);
            check_typesetting_limits(*b.narrative);
        }
        check_since(b);
    }

    /// `since` may name an earlier bulletin (or a git revision, resolved when the site is built).
    void check_since(const model::Bulletin& b) {
        if (b.since.empty()) {
            return;
        }
        if (b.since == b.id) {
            m_diagnostics.error(b.since_where, fmt::format("since = \"{}\" is this bulletin itself: name an earlier "
                                                           "bulletin or a git revision",
                                                           b.since));
            return;
        }
        for (const auto& other : m_model.bulletins) {
            if (other.id == b.since && !(other.date < b.date)) {
                m_diagnostics.error(b.since_where,
                                    fmt::format("since = \"{}\": that bulletin is dated {}, not before this one ({}); "
                                                "name an earlier bulletin",
                                                b.since, model::to_string(other.date), model::to_string(b.date)));
            }
        }
    }

    /// A bulletin's narrative is typeset by XeLaTeX, which holds a whole paragraph in memory
    /// and breaks its lines in time that grows faster than its length: a hostile paragraph of
    /// 20,000 brackets runs out of TeX's memory after half a minute. Such a paragraph, or a
    /// narrative longer than a few hundred pages, is an error before any tool runs.
    void check_typesetting_limits(const model::Narrative& narrative) {
        if (narrative.text.size() > k_max_bulletin_narrative) {
            m_diagnostics.error({narrative.file, 1, 1},
                                fmt::format("a bulletin's narrative is typeset into the PDF and may have at most {} MB; this "
                                            "one has {:.1f} MB",
                                            k_max_bulletin_narrative / 1000000,
                                            static_cast<double>(narrative.text.size()) / 1e6));
            return;
        }
        std::uint32_t line = 0;
        std::uint32_t start = 0; // of the current paragraph; 0: none
        std::size_t characters = 0;
        auto end_paragraph = [&] {
            if (start != 0 && characters > k_max_paragraph) {
                m_diagnostics.error({narrative.file, start, 1},
                                    fmt::format("a paragraph of {} characters is too long to typeset (at most {}); "
                                                "break it into paragraphs",
                                                characters, k_max_paragraph));
            }
            start = 0;
            characters = 0;
        };
        std::string_view rest = narrative.text;
        while (!rest.empty()) {
            const std::size_t newline = rest.find('\n');
            const std::string_view text = rest.substr(0, newline);
            rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
            ++line;
            if (text.find_first_not_of(" \t\r") == std::string_view::npos) {
                end_paragraph();
                continue;
            }
            // A list item, quote, table row or heading starts a paragraph of its own in TeX.
            const std::size_t first = text.find_first_not_of(" \t>");
            const std::string_view lead = text.substr(first);
            const std::size_t digits = lead.find_first_not_of("0123456789");
            if (text.front() == '>' || lead.starts_with("- ") || lead.starts_with("* ") || lead.starts_with("+ ") ||
                lead.starts_with('#') || lead.starts_with('|') ||
                (digits > 0 && digits != std::string_view::npos && (lead.substr(digits).starts_with(". ") ||
                                                                    lead.substr(digits).starts_with(") ")))) {
                end_paragraph();
            }
            start = start == 0 ? line : start;
            for (const char c : text) {
                characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
            }
        }
        end_paragraph();
    }

    void warn_unused_indicators() {
        // The indicators no fact or target has used yet; most are used by the first parks.
        std::unordered_set<std::string_view> unused;
        for (const auto& [key, ind] : m_model.indicators) {
            unused.insert(key);
        }
        auto use = [&unused](const std::string& key) { unused.erase(key); };
        for (auto park = m_model.parks.begin(); park != m_model.parks.end() && !unused.empty(); ++park) {
            for (const auto& f : park->facts) {
                use(f.indicator);
            }
            for (const auto& t : park->targets) {
                use(t.indicator);
            }
            std::for_each(park->dropped_indicators.begin(), park->dropped_indicators.end(), use);
        }
        for (const auto& [key, ind] : m_model.indicators) {
            if (unused.contains(key)) {
                m_diagnostics.warning(ind.where, fmt::format("indicator \"{}\" is not used by any fact or target", key));
            }
        }
    }

    const model::SiteModel& m_model;
    core::Diagnostics& m_diagnostics;
    /// The names a misspelt one is compared with (core::did_you_mean), made at the first error.
    const std::vector<std::string>& indicator_keys() {
        return cached_names(m_indicator_keys, [this] { return keys_of(m_model.indicators); });
    }
    const std::vector<std::string>& source_keys() {
        return cached_names(m_source_keys, [this] { return keys_of(m_model.sources); });
    }
    const std::vector<std::string>& kind_keys() {
        return cached_names(m_kind_keys, [this] {
            std::vector<std::string> keys;
            for (const auto& k : m_model.site.kinds) {
                keys.push_back(k.key);
            }
            return keys;
        });
    }
    const std::vector<std::string>& park_slugs() {
        return cached_names(m_park_slugs, [this] {
            std::vector<std::string> slugs;
            for (const auto& p : m_model.parks) {
                slugs.push_back(p.slug);
            }
            return slugs;
        });
    }
    template <typename Make>
    static const std::vector<std::string>& cached_names(std::optional<std::vector<std::string>>& names, const Make& make) {
        if (!names) {
            names = make();
        }
        return *names;
    }

    std::optional<std::vector<std::string>> m_indicator_keys;
    std::optional<std::vector<std::string>> m_source_keys;
    std::optional<std::vector<std::string>> m_kind_keys;
    std::optional<std::vector<std::string>> m_park_slugs;
};

} // namespace

void validate(const model::SiteModel& model, core::Diagnostics& diagnostics) { Validator(model, diagnostics).run(); }

} // namespace parkpress::load
