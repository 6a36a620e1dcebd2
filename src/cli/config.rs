//! `newsgraph.toml`: settings a project keeps beside its articles instead of repeating
//! them on every command — the base IRI of minted nodes, the store folder, and entries
//! added to the gazetteer.
//!
//! ```toml
//! base = "https://news.example.org/kg/"   # --base
//! store = "kg"                            # --store, relative to this file
//! gazetteer_files = ["names.tsv"]         # --gazetteer files (name<TAB>type[<TAB>aliases])
//!
//! [[gazetteer]]                           # or entries written here
//! name = "Lakhdar Brahimi"
//! type = "Person"                         # Person, Organization, Place or Event
//! aliases = ["Brahimi"]
//! ```
//!
//! The file is `--config FILE`, else `$NEWSGRAPH_CONFIG`, else `newsgraph.toml` in the
//! current folder when there is one. Options given on the command line win over it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The settings of a `newsgraph.toml` (every one optional).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Base IRI of minted nodes.
    pub base: Option<String>,
    /// The store folder (relative paths are taken from the file's folder).
    pub store: Option<PathBuf>,
    /// Gazetteer files, as `--gazetteer` reads them.
    #[serde(default)]
    pub gazetteer_files: Vec<PathBuf>,
    /// Gazetteer entries.
    #[serde(default)]
    pub gazetteer: Vec<GazetteerEntry>,
    /// Where the settings were read from (none: no file).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// One `[[gazetteer]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerEntry {
    /// The entity's name, as its label.
    pub name: String,
    /// Person, Organization, Place or Event.
    #[serde(rename = "type")]
    pub etype: String,
    /// Other names that stand for it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A settings file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file cannot be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML, or has an unknown or mistyped setting.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// The environment variable naming a settings file.
pub const CONFIG_ENV: &str = "NEWSGRAPH_CONFIG";
/// The settings file looked for in the current folder.
pub const CONFIG_FILE: &str = "newsgraph.toml";

impl Config {
    /// Reads the settings in force: `explicit` (`--config`), else `$NEWSGRAPH_CONFIG`,
    /// else `./newsgraph.toml` if it exists, else none (all defaults).
    pub fn find(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let chosen = explicit.map(Path::to_path_buf).or_else(|| {
            std::env::var_os(CONFIG_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        match chosen {
            Some(p) => Config::load(&p),
            None if Path::new(CONFIG_FILE).is_file() => Config::load(Path::new(CONFIG_FILE)),
            None => Ok(Config::default()),
        }
    }

    /// Reads one settings file; relative paths in it are taken from its folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: shown.clone(),
            source,
        })?;
        Config::parse(&text, path)
    }

    /// Parses settings as if read from `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut c: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            ConfigError::Invalid {
                path: path.display().to_string(),
                line,
                message: e.message().trim_end().to_string(),
            }
        })?;
        let dir = path.parent().unwrap_or(Path::new(""));
        if let Some(s) = &mut c.store {
            if s.is_relative() {
                *s = dir.join(&*s);
            }
        }
        for f in &mut c.gazetteer_files {
            if f.is_relative() {
                *f = dir.join(&*f);
            }
        }
        c.path = Some(path.to_path_buf());
        Ok(c)
    }

    /// Whether there is anything for the gazetteer.
    pub fn adds_to_gazetteer(&self) -> bool {
        !self.gazetteer.is_empty() || !self.gazetteer_files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting_and_resolves_paths_from_the_file() {
        let c = Config::parse(
            "base = \"https://n.example/kg/\"\nstore = \"kg\"\ngazetteer_files = [\"g.tsv\"]\n\
             [[gazetteer]]\nname = \"Ada Obi\"\ntype = \"Person\"\naliases = [\"Obi\"]\n",
            Path::new("/p/newsgraph.toml"),
        )
        .expect("valid");
        assert_eq!(c.base.as_deref(), Some("https://n.example/kg/"));
        assert_eq!(c.store.as_deref(), Some(Path::new("/p/kg")));
        assert_eq!(c.gazetteer_files, vec![PathBuf::from("/p/g.tsv")]);
        assert_eq!(c.gazetteer[0].name, "Ada Obi");
        assert_eq!(c.gazetteer[0].aliases, vec!["Obi".to_string()]);
    }

    #[test]
    fn a_mistake_names_the_file_and_line() {
        let e = Config::parse("base = \"x\"\n\nstroe = \"kg\"\n", Path::new("n.toml"))
            .expect_err("unknown key");
        let s = e.to_string();
        assert!(s.starts_with("n.toml:3: "), "{s}");
        assert!(s.contains("stroe"), "{s}");
        let e = Config::parse("store = 5\n", Path::new("n.toml")).expect_err("mistyped");
        assert!(e.to_string().starts_with("n.toml:1: "), "{e}");
    }
}
