#pragma once

#include "compute/site_index.hpp"
#include "model/model.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace parkpress::compute {

/// When the content of each park, province and bulletin page last changed: the date
/// ("2024-03-01") of the newest commit that changed one of the files the page is made from.
/// A page is absent when that is not known (no git history, or a file with changes not
/// committed yet): then nothing is said rather than something wrong.
struct UpdatedDates {
    std::map<std::string, std::string> parks;     ///< by slug: its data file and narrative
    std::map<std::string, std::string> provinces; ///< by slug: its file and its parks' files
    std::map<std::string, std::string> bulletins; ///< by id: its files and its parks' files

    /// The date in `dates` under `key`, or "".
    static const std::string& of(const std::map<std::string, std::string>& dates, const std::string& key);
};

/// The date a set of content files last changed, "" when unknown (load::ContentHistory).
using LastDate = std::function<std::string(const std::vector<std::string>& files)>;

UpdatedDates updated_dates(const model::SiteModel& model, const SiteIndex& index, const LastDate& last_date);

} // namespace parkpress::compute
