/// A site's effective settings: the shipped `Rules/policy.yaml` overridden key by key by the
/// site's own file (`--config FILE` or `.pubgate.yml`). Every key is required here, because the
/// defaults file carries them all; ``SettingsLoader`` refuses keys it does not know.
struct Settings: Sendable, Codable {
    var decision: DecisionSettings
    /// Severity overrides by finding kind or rule id (e.g. `landline: info`).
    var severity: [String: Severity]
    var attribute: AttributeSettings
    var publication: PublicationSettings
    var masking: MaskingSettings
    var archive: ArchiveSettings
    var sweep: SweepSettings
    /// Office numbers that are public (hotlines, 解读电话): never reported as personal data.
    var publicNumbers: [String]
    /// Parts of the site with a default 公开属性 and type (the CMS's columns).
    var sections: [SiteSection]
    /// Which files of the repository are site assets rather than documents.
    var paths: PathSettings
    /// Severities the reviewed tree's `.pubgate.yml` asks for at least, by rule id or kind: a
    /// finding below its floor is raised to it, never lowered (not a key of its own: the tree's
    /// `severity:` entries, see ``TreeSettingsCheck``).
    var severityFloors: [String: Severity] = [:]

    enum CodingKeys: String, CodingKey {
        case decision, severity, attribute, publication, masking, archive, sections, paths, sweep
        case publicNumbers = "public_numbers"
    }

    /// Site assets (templates, list pages, files served as they are): scanned for leaks like any
    /// page, not judged as documents. Gitignore-style glob lines on the path from the repository
    /// root: the last line that matches decides, and a line starting with `!` makes a document.
    struct PathSettings: Sendable, Codable {
        /// Used in any tree that is not a Hugo site.
        var assets: [String]
        /// Used instead in a Hugo site.
        var hugoAssets: [String]

        enum CodingKeys: String, CodingKey {
            case assets
            case hugoAssets = "hugo_assets"
        }
    }

    /// Which severities reject a document.
    struct DecisionSettings: Sendable, Codable {
        var reject: [Severity]
    }

    /// Severities of the 公开属性 checks (docs/domain.md §2.2, §2.4).
    struct AttributeSettings: Sendable, Codable {
        var missing: Severity
        /// No attribute on a 公文 (规范性文件, policy, a notice with its 文号): local rules refuse to route one.
        var missingOfficial: Severity
        /// 删减后公开 / 部分公开 without a record of what was removed and why (C-ATTR-05).
        var partialWithoutRecord: Severity
        var conflict: Severity
        /// Declared 主动公开 while the content says otherwise (C-ATTR-01).
        var mismatch: Severity
        /// 依申请公开 / 不予公开 in a publication batch (C-ATTR-02).
        var notPublic: Severity
        /// A 规范性文件 not declared 主动公开 (C-ATTR-04).
        var normativeNotActive: Severity

        enum CodingKeys: String, CodingKey {
            case missing, conflict, mismatch
            case missingOfficial = "missing_official"
            case partialWithoutRecord = "partial_without_record"
            case notPublic = "not_public"
            case normativeNotActive = "normative_not_active"
        }
    }

    /// The 政务公开 publication rules (docs/domain.md §7.1–§7.4).
    struct PublicationSettings: Sendable, Codable {
        var interpretation: Interpretation
        var proposal: Proposal
        var consultation: Consultation
        var normative: Normative
        var documentNumber: DocumentNumberRule
        var writtenDate: WrittenDateRule
        var penalty: Penalty
        /// A document relying on a repealed law or a removed provision (`Rules/repealed.yaml`).
        var outdatedBasis: Severity
        /// A guide that names another agency where its own belongs (a template not adapted).
        var guideAgency: Severity

        enum CodingKeys: String, CodingKey {
            case interpretation, proposal, consultation, normative, penalty
            case documentNumber = "document_number"
            case writtenDate = "written_date"
            case outdatedBasis = "outdated_basis"
            case guideAgency = "guide_agency"
        }

        struct Interpretation: Sendable, Codable {
            /// Document types that need a 解读 in the batch or on the site ("三同步").
            var requiredFor: [DocumentType]
            var missing: Severity
            /// A 解读 without 解读单位 / 解读人 / 解读电话.
            var fields: Severity
            /// A 解读 whose policy is neither in the batch nor on the site.
            var orphan: Severity

            enum CodingKeys: String, CodingKey {
                case requiredFor = "required_for"
                case missing, fields, orphan
            }
        }

        struct Proposal: Sendable, Codable {
            /// A reply title with only the 届次 and number (P-TITLE).
            var title: Severity
        }

        /// K-01: a 征求意见 notice says until when and how comments are taken.
        struct Consultation: Sendable, Codable {
            /// No due date, or a period shorter than `minWorkdays`.
            var window: Severity
            /// Working days from the notice (or its stated start) to the due date.
            var minWorkdays: Int
            /// No e-mail, postal address, phone or fax, or online form for comments.
            var channel: Severity

            enum CodingKeys: String, CodingKey {
                case window, channel
                case minWorkdays = "min_workdays"
            }
        }

        struct Normative: Sendable, Codable {
            /// Validity when none is stated (years from the effective date).
            var defaultYears: Int
            /// The same for 暂行 / 试行 documents.
            var trialYears: Int
            /// 文号, 成文日期 or 施行日期 missing.
            var missingFields: Severity

            enum CodingKeys: String, CodingKey {
                case defaultYears = "default_years"
                case trialYears = "trial_years"
                case missingFields = "missing_fields"
            }
        }

        struct DocumentNumberRule: Sendable, Codable {
            /// A 文号 that breaks GB/T 9704 (brackets, 字/第, padding).
            var malformed: Severity
        }

        struct WrittenDateRule: Sendable, Codable {
            /// A 成文日期 in the body written otherwise than GB/T 9704 asks (2025年6月5日).
            var malformed: Severity
        }

        struct Penalty: Sendable, Codable {
            /// A decision whose punished party is a minor.
            var minors: Severity
            /// A masked identifier that deviates from the site's template.
            var maskingTemplate: Severity

            enum CodingKeys: String, CodingKey {
                case minors
                case maskingTemplate = "masking_template"
            }
        }
    }

    /// The sweep's archive.
    struct ArchiveSettings: Sendable, Codable {
        /// `Source-Organization` in bag-info.txt.
        var sourceOrganization: String?

        enum CodingKeys: String, CodingKey {
            case sourceOrganization = "source_organization"
        }
    }

    /// What `sweep --apply` does after it removed pages: rebuild the site, and commit as whom.
    /// The operator's, from `--config`: a tree's own `.pubgate.yml` may only tighten
    /// (``TreeSettingsCheck`` refuses these keys there), so a page author cannot choose a command
    /// for the sweep to run.
    struct SweepSettings: Sendable, Codable {
        var rebuild: Rebuild
        var git: Git

        struct Rebuild: Sendable, Codable {
            /// The program and its arguments, run in the site root (no shell); empty: no rebuild.
            var command: [String]
            var timeoutSeconds: Int
            /// The rendered site checked for links to removed pages, relative to the site root;
            /// null: the Hugo `publishDir` (`public`).
            var output: String?

            enum CodingKeys: String, CodingKey {
                case command, output
                case timeoutSeconds = "timeout_seconds"
            }
        }

        struct Git: Sendable, Codable {
            /// `Name <email>` the `--git` commit is authored and committed as.
            var author: String
        }
    }

    /// The site's masking templates as `visible-start+visible-end` (`4+4`), or null when the site has none.
    struct MaskingSettings: Sendable, Codable {
        var residentID: String?
        var mobile: String?

        enum CodingKeys: String, CodingKey {
            case residentID = "resident_id"
            case mobile
        }
    }
}
