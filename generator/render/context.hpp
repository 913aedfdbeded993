#pragma once

#include "compute/site_index.hpp"
#include "model/model.hpp"
#include "render/format.hpp"
#include "render/lazy.hpp"
#include "render/templates.hpp"

#include <set>
#include <string>

namespace parkpress::render {

/// Builds the template data of one page: every URL in it is relative to that page.
class PageContext {
public:
    PageContext(const model::SiteModel& model, const compute::SiteIndex& index, std::string page_path)
        : m_model(model), m_index(index), m_page(std::move(page_path)) {}

    [[nodiscard]] const std::string& page() const { return m_page; }
    [[nodiscard]] std::string url(const std::string& output_path) const;

    [[nodiscard]] Data park_link(const model::Park& park) const;
    [[nodiscard]] Data province_link(const std::string& slug) const;
    [[nodiscard]] Data kind_link(const std::string& key) const;
    [[nodiscard]] Data indicator_link(const std::string& key) const;
    [[nodiscard]] Data source_link(const std::string& key) const;

    /// What a fact's row carries besides its value. A page about one park, province or
    /// indicator leaves that link out of its thousands of rows and puts it once in the page's
    /// (or the group's) data, where Mustache finds it from inside a row all the same.
    enum Parts : unsigned {
        with_park = 1U,
        with_province = 2U,
        with_indicator = 4U,
        all_parts = with_park | with_province | with_indicator,
    };
    /// A fact as a table row: the links of `parts`, value in the display unit with qualifier,
    /// as written, basis, period, source, note, and marks for bounds and other periods.
    [[nodiscard]] Data fact(const model::Park& park, const model::Fact& fact, std::string_view common_period = {},
                            unsigned parts = all_parts) const;
    /// The figure only, for lists of many: what `_figure` shows, with the park and the
    /// indicator as links and the period; no source, basis, note or province.
    [[nodiscard]] Data figure(const model::Park& park, const model::Fact& fact, std::string_view common_period = {}) const;
    [[nodiscard]] Data target(const model::Park& park, const model::Target& target) const;
    /// The same as views, for lists of many rows (render/lazy.hpp): what fact(), figure() and
    /// target() give, computed while a template renders the row. They refer to this context,
    /// `park`, `fact` and `common_period`, which must outlive them.
    [[nodiscard]] std::unique_ptr<View> fact_view(const model::Park& park, const model::Fact& fact,
                                                  std::string_view common_period = {}, unsigned parts = all_parts) const;
    [[nodiscard]] std::unique_ptr<View> figure_view(const model::Park& park, const model::Fact& fact,
                                                    std::string_view common_period = {}) const;
    [[nodiscard]] std::unique_ptr<View> target_view(const model::Park& park, const model::Target& target) const;
    /// source_link() as a view; `key` must outlive it.
    [[nodiscard]] std::unique_ptr<View> source_view(const std::string& key) const;
    [[nodiscard]] Data rank(const model::Rank& rank) const;

    /// What a park shows in a list of parks, and as the start of its own page.
    struct SummaryOptions {
        bool figures = true; ///< key_facts: its latest figures of its first four indicators
        /// A node of a tree of parks: has_children and children, its sub-parks in `tree`,
        /// nested as far as 16 levels (`depth` is this one's).
        const std::set<std::string>* tree = nullptr;
        int depth = 0;
        bool parent = false; ///< parent: a link to its parent park, when it has one
    };
    /// A park's link with its kind, level, city, province, counts, and what `options` add.
    [[nodiscard]] std::unique_ptr<View> park_summary_view(const model::Park& park, SummaryOptions options) const;
    [[nodiscard]] Data park_summary(const model::Park& park, SummaryOptions options) const;
    /// "≈103亿元（2023年）": what a `{{fact}}` reference shows.
    [[nodiscard]] std::string fact_text(const model::Fact& fact) const;
    [[nodiscard]] std::string target_text(const model::Target& target) const;
    /// The narrative's HTML with references resolved relative to this page.
    [[nodiscard]] std::string narrative_html(const model::Narrative& narrative, const model::Park* own) const;

    [[nodiscard]] const model::SiteModel& model() const { return m_model; }
    [[nodiscard]] const compute::SiteIndex& index() const { return m_index; }

private:
    const model::SiteModel& m_model;
    const compute::SiteIndex& m_index;
    std::string m_page;
};

std::string province_name(const model::SiteModel& model, const std::string& slug);
std::string kind_name(const model::SiteModel& model, const std::string& key);

} // namespace parkpress::render
