#pragma once

#include "core/decimal.hpp"
#include "core/diagnostics.hpp"

#include <compare>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace parkpress::model {

using core::Decimal;
using core::SourceLocation;

enum class Dimension { area, money, money_per_area, count, percent };
enum class Basis { annual, cumulative, stock };
enum class Better { higher, lower, none };
enum class Qualifier { none, about, over, at_least, at_most };
enum class Level { national, provincial, municipal };

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    friend auto operator<=>(const Date&, const Date&) = default;
};

/// The time a figure refers to: a year, or a day.
struct Period {
    int year = 0;
    std::optional<Date> date;
    /// The last day the period covers: 31 December for a year.
    [[nodiscard]] Date end() const { return date ? *date : Date{year, 12, 31}; }
    friend bool operator==(const Period&, const Period&) = default;
};

struct Kind {
    std::string key;
    std::string name;
    std::string name_en;
    SourceLocation where;
};

struct Site {
    std::string title;
    std::string description;
    std::string language;
    std::string base_url;
    std::vector<Kind> kinds; ///< in file order
};

struct Indicator {
    std::string key;
    std::string name;
    std::string name_en;
    Dimension dimension = Dimension::count;
    std::string unit;
    Basis basis = Basis::annual;
    Better better = Better::higher;
    std::string description;
    SourceLocation where;
};

struct Source {
    std::string key;
    std::string title;
    std::string publisher;
    Date date;
    std::string url;
    SourceLocation where;
};

struct Province {
    std::string slug; ///< the file stem
    std::string name;
    std::string short_name;
    std::string name_en;
    std::int64_t code = 0;
    SourceLocation where;
};

/// A value with its unit as written in the content, and where it was written.
struct Quantity {
    Decimal value;
    std::string unit;
    SourceLocation where;      ///< of the value
    SourceLocation unit_where; ///< of the unit
};

struct Fact {
    std::string indicator;
    Quantity quantity;
    Qualifier qualifier = Qualifier::none;
    Period period;
    std::optional<Basis> basis; ///< overrides the indicator's basis
    std::string source;
    std::string note;
    SourceLocation where;           ///< of the [[facts]] table
    SourceLocation indicator_where; ///< of the indicator key's value
    SourceLocation source_where;
    SourceLocation period_where;
};

struct Target {
    std::string indicator;
    Quantity quantity;
    Qualifier qualifier = Qualifier::none;
    int by = 0;
    std::string source;
    std::string note;
    SourceLocation where;
    SourceLocation indicator_where;
    SourceLocation source_where;
    SourceLocation by_where;
};

struct Rank {
    std::string system;
    std::string cohort;
    std::int64_t rank = 0;
    std::optional<std::int64_t> of;
    std::string period; ///< a year or the name of an evaluation round, as written
    std::string source;
    SourceLocation where;
    SourceLocation rank_where;
    SourceLocation source_where;
};

struct Area {
    Quantity quantity;
    std::string source; ///< optional
    SourceLocation source_where;
};

/// A `{{fact ...}}` or `{{target ...}}` in a narrative.
struct Reference {
    enum class Kind { fact, target };
    Kind kind = Kind::fact;
    std::string park;      ///< empty: the narrative's own park
    std::string indicator;
    std::size_t offset = 0; ///< byte offset of "{{" in the narrative text
    std::size_t length = 0; ///< through the closing "}}"
    SourceLocation where;
};

struct Narrative {
    std::string file; ///< relative to the content folder
    std::string text; ///< UTF-8, byte order mark removed
    std::vector<Reference> references;
};

struct Park {
    std::string slug;
    std::string province;
    std::string name;
    std::string name_en;
    std::string city;
    std::string kind;
    Level level = Level::municipal;
    std::string parent;
    std::optional<int> founded;
    std::vector<std::string> industries;
    std::optional<Area> area;
    std::vector<Fact> facts;
    std::vector<Target> targets;
    std::vector<Rank> ranks;
    std::optional<Narrative> narrative;
    std::string file; ///< relative to the content folder
    /// Facts and targets left out because they were invalid (already reported).
    int dropped_facts = 0;
    int dropped_targets = 0;
    /// Their indicators ("" when the indicator itself was missing or not a string).
    std::set<std::string> dropped_indicators;
    SourceLocation kind_where;
    SourceLocation parent_where;
};

struct Bulletin {
    std::string id;
    std::string title;
    std::string number;
    Date date;
    std::vector<std::string> provinces;
    std::vector<std::string> kinds;
    std::vector<std::string> parks;
    std::vector<std::string> indicators;
    Period period;
    std::optional<Narrative> narrative;
    std::string file;
    /// `since`: an earlier bulletin's id or a git revision whose figures the bulletin's section
    /// 本期数据变化 compares with ("" when absent), and where its value is written.
    std::string since;
    SourceLocation since_where;
    /// Where each element of provinces, kinds, parks and indicators is written.
    std::vector<SourceLocation> provinces_where, kinds_where, parks_where, indicators_where;
    SourceLocation indicators_key_where;
};

/// What could not be loaded because of errors already reported, so that validation does
/// not report their consequences a second time (every fact citing an unparsable source ...).
struct Gaps {
    bool kinds = false;
    bool indicators = false;
    bool sources = false;
    bool provinces = false;
    std::set<std::string> indicator_keys;
    std::set<std::string> source_keys;
    std::set<std::string> park_slugs;
};

/// A hashed index of a map's elements by key, for the lookups of rendering (hundreds of
/// thousands per build). A copy indexes nothing, as its map is another; a map moved keeps
/// its elements where they were, and so does a moved index. While the map's size differs
/// from the index's (an element added after indexing), the map's own search is used.
template <typename T>
class KeyIndex {
public:
    KeyIndex() = default;
    KeyIndex(const KeyIndex& /*other*/) {}
    KeyIndex& operator=(const KeyIndex& other) {
        if (this != &other) {
            m_index.clear();
        }
        return *this;
    }
    KeyIndex(KeyIndex&&) noexcept = default;
    KeyIndex& operator=(KeyIndex&&) noexcept = default;
    ~KeyIndex() = default;

    void build(const std::map<std::string, T>& map) {
        m_index.clear();
        m_index.reserve(map.size());
        for (const auto& [key, value] : map) {
            m_index.emplace(key, &value);
        }
    }
    [[nodiscard]] const T* find(const std::map<std::string, T>& map, std::string_view key) const {
        if (!map.empty() && m_index.size() == map.size()) {
            const auto it = m_index.find(key);
            return it == m_index.end() ? nullptr : it->second;
        }
        const auto it = map.find(std::string(key));
        return it == map.end() ? nullptr : &it->second;
    }

private:
    std::unordered_map<std::string_view, const T*> m_index;
};

/// The whole content tree. Every collection is sorted by its key, so that everything
/// derived from the model is deterministic.
struct SiteModel {
    Site site;
    std::map<std::string, Indicator> indicators;
    std::map<std::string, Source> sources;
    std::map<std::string, Province> provinces;
    std::vector<Park> parks; ///< sorted by province, then slug
    std::vector<Bulletin> bulletins; ///< sorted by id
    Gaps gaps;

    /// By slug, through an index built by `index_parks()` (linear search until then).
    [[nodiscard]] const Park* find_park(const std::string& slug) const;
    /// Builds the slug index, and the indicators' and sources' by key; call after `parks`,
    /// `indicators` or `sources` change. With two parks of one slug, the first (in province
    /// order) is found.
    void index_parks();
    /// By key, through the index of `index_parks()` (the map's own search until then);
    /// nullptr when there is none.
    [[nodiscard]] const Indicator* find_indicator(std::string_view key) const {
        return m_indicator_index.find(indicators, key);
    }
    [[nodiscard]] const Source* find_source(std::string_view key) const { return m_source_index.find(sources, key); }
    [[nodiscard]] const Kind* find_kind(const std::string& key) const;
    /// The basis a fact is counted on: its own, or its indicator's.
    [[nodiscard]] Basis basis_of(const Fact& fact) const;
    /// The park's latest fact for an indicator (largest period end; ties: the last written).
    [[nodiscard]] const Fact* latest_fact(const Park& park, const std::string& indicator) const;
    /// The park's target for an indicator with the latest `by` (ties: the last written).
    [[nodiscard]] const Target* latest_target(const Park& park, const std::string& indicator) const;
    /// Parks a bulletin compares: in its provinces and kinds (empty: all), and in its park
    /// list when it has one. Sorted like `parks`.
    [[nodiscard]] std::vector<const Park*> bulletin_parks(const Bulletin& bulletin) const;

private:
    std::unordered_map<std::string, std::size_t> m_park_index;
    KeyIndex<Indicator> m_indicator_index;
    KeyIndex<Source> m_source_index;
};

std::string to_string(Dimension d);
std::string to_string(Basis b);
std::string to_string(Better b);
std::string to_string(Qualifier q);
std::string to_string(Level l);
/// "≈", ">", "≥", "≤" or "".
std::string qualifier_symbol(Qualifier q);
/// "2023" or "2024-03-13".
std::string to_string(const Period& p);
std::string to_string(const Date& d);

} // namespace parkpress::model
