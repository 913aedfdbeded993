#pragma once

#include "model/model.hpp"
#include "render/output.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parkpress::render {

/// The data downloads: data/facts.csv (one row per fact, target and rank), data/parks.csv
/// (one row per park) — both UTF-8 with a byte order mark so that Excel reads Chinese — and
/// data/parks.json with the whole model.
OutputFiles render_exports(const model::SiteModel& model);

/// What a rebuild's downloads may take over from the previous build: a part per park (its
/// line of parks.json, its rows of facts.csv) made from the same inputs.
struct ExportReuse {
    /// A digest of everything a park's part shows (compute::PageKeys::park_records).
    std::function<std::string(const model::Park&)> park_key;
    /// The previous build's file with the index of its parts (Sink::previous).
    std::function<std::optional<PreviousFile>(const std::string& path)> previous;
};

/// A download: its bytes and the index of its parts (Sink::put_parts), if it has parts.
struct ExportFile {
    std::string bytes;
    std::string parts;
};
using ExportTask = std::pair<std::string, std::function<ExportFile()>>;

/// The same files as separate tasks that may run in parallel: each path with what makes it.
/// With `reuse`, the parts of unchanged parks are copied from the previous build's files;
/// the bytes are the same either way.
/// `updated`: when each park's content last changed, by slug (parks.json's "updated").
std::vector<ExportTask> export_tasks(const model::SiteModel& model, const ExportReuse* reuse = nullptr,
                                     const std::map<std::string, std::string>* updated = nullptr);

/// One CSV record (RFC 4180 quoting, CRLF line end). Text fields that a spreadsheet would
/// run as a formula (starting with = + - @ or a tab) are prefixed with an apostrophe.
std::string csv_record(const std::vector<std::string>& fields, const std::vector<bool>& numeric = {});

} // namespace parkpress::render
