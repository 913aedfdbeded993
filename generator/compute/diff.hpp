#pragma once

#include "model/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parkpress::compute {

enum class Change { added, removed, changed };

/// "added", "removed", "changed"
std::string to_string(Change change);

/// One field that differs, as text ("" where it is absent): a name, a kind, a date, a list.
struct FieldChange {
    std::string field; ///< the content format's key: "name", "kind", "date", "industries" ...
    std::string before;
    std::string after;
};

/// A fact or a target as it is on one side of a diff, with the display unit of its
/// indicator on that side, so that it can be shown as the site shows it.
struct Figure {
    model::Quantity quantity;
    model::Qualifier qualifier = model::Qualifier::none;
    std::optional<model::Basis> basis; ///< facts: the basis counted on (its own or its indicator's)
    std::string source;
    std::string note;
    std::string display_unit;
};

struct FigureChange {
    Change change = Change::changed;
    std::string indicator;
    std::string indicator_name; ///< on the later side when the indicator is there
    std::optional<Figure> before;
    std::optional<Figure> after;
    /// For a change: which of value (the amount: 103 亿元 and 1030000 万元 are one value), unit
    /// (as written), qualifier, basis, source and note differ.
    std::vector<std::string> fields;
};

/// Facts are the same fact when they have one indicator and one period.
struct FactChange : FigureChange {
    model::Period period;
};

/// Targets are the same target when they have one indicator and one target year.
struct TargetChange : FigureChange {
    int by = 0;
};

struct RankState {
    std::int64_t rank = 0;
    std::optional<std::int64_t> of;
    std::string source;
};

/// Ranks are the same rank when they have one system, cohort and period.
struct RankChange {
    Change change = Change::changed;
    std::string system;
    std::string cohort;
    std::string period;
    std::optional<RankState> before;
    std::optional<RankState> after;
    std::vector<std::string> fields; ///< for a change: which of rank, of and source differ
};

/// Lines added and removed by an edit of a text (a narrative).
struct LineCount {
    std::size_t added = 0;
    std::size_t removed = 0;
    friend bool operator==(const LineCount&, const LineCount&) = default;
};

struct ParkChange {
    Change change = Change::changed;
    std::string slug;
    std::string name;          ///< on the later side
    std::string province;      ///< slug, on the later side
    std::string province_name; ///< "河南省", or the slug when the province is unknown
    std::vector<FieldChange> fields; ///< name, city, kind, level, parent, area ... (changed parks)
    std::vector<FactChange> facts;   ///< an added or removed park: all of its facts
    std::vector<TargetChange> targets;
    std::vector<RankChange> ranks;
    std::optional<LineCount> narrative; ///< when the narrative's lines changed
};

/// A province, indicator, source or bulletin: its key, its name or title, and what changed.
struct EntryChange {
    Change change = Change::changed;
    std::string key;
    std::string name;
    std::vector<FieldChange> fields;
    std::optional<LineCount> narrative; ///< bulletins: when the narrative's lines changed
};

/// What changed between two versions of the content, figure by figure. Every list is in a
/// fixed order: entries by key, parks by province and slug, figures by indicator and
/// period (facts), target year (targets), or system, cohort and period (ranks).
struct ContentDiff {
    std::vector<FieldChange> site; ///< site.toml: title, description, language, base_url, kinds
    std::vector<EntryChange> provinces;
    std::vector<EntryChange> indicators;
    std::vector<EntryChange> sources;
    std::vector<ParkChange> parks;
    std::vector<EntryChange> bulletins;

    [[nodiscard]] bool empty() const;
};

/// How many things of one kind were added, removed and changed.
struct ChangeCount {
    std::size_t added = 0;
    std::size_t removed = 0;
    std::size_t changed = 0;
    void count(Change c) { ++(c == Change::added ? added : c == Change::removed ? removed : changed); }
    [[nodiscard]] std::size_t total() const { return added + removed + changed; }
};

/// The counts of a diff by kind, for its summaries (`diff`'s reports, the changes page).
struct DiffTotals {
    ChangeCount parks, facts, targets, ranks, provinces, indicators, sources, bulletins;
    std::size_t narratives = 0; ///< parks' and entries' narratives edited
    std::size_t lines_added = 0;
    std::size_t lines_removed = 0;
    std::size_t site_fields = 0;

    explicit DiffTotals(const ContentDiff& diff);
};

/// Compares two loaded, valid models. A target is only ever compared with a target, a fact
/// with a fact. Where one side holds several facts of one indicator and period (a warning),
/// they are paired in the order they are written.
ContentDiff diff(const model::SiteModel& before, const model::SiteModel& after);

/// Lines added and removed between two texts: the smallest number of whole lines to delete
/// from `before` and insert into it to make `after` (a longest common subsequence of lines,
/// found with Myers' O(ND) algorithm). Line endings (LF, CRLF) and a missing final newline do
/// not count. A moved line counts as removed and added. If the texts differ in more than
/// k_exact_line_limit lines, the count becomes that of lines not matched by an equal line
/// anywhere in the other text, which ignores order (a bound on the work for huge rewrites).
/// count_changed_lines("a\nb\nc\n", "a\nx\nc\n") == LineCount{1, 1}
LineCount count_changed_lines(std::string_view before, std::string_view after);

inline constexpr std::size_t k_exact_line_limit = 10000;

} // namespace parkpress::compute
