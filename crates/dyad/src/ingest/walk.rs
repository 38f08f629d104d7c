//! Walking a directory: recursive, sorted, lazy, filtered by a [`Glob`].
//!
//! **Sorted** so that a run over a directory is reproducible (same input → same output order,
//! a project rule), whatever order the file system lists entries in. Entries are sorted by name
//! (byte order) at every level and visited depth-first, which is the order of the sorted
//! relative paths.
//!
//! **Lazy**: the walker holds one sorted listing per directory level on the path being walked,
//! not the list of all files, so a tree of a million files costs the widest directory, not the
//! whole tree.
//!
//! Hidden entries (names starting with `.`) are skipped — `.git`, `.DS_Store` and editor swap
//! files are never articles — and symbolic links to directories are not followed, so a link
//! cycle cannot make the walk endless. Without a glob, only files whose extension names a
//! format dyad reads (or that have no extension) are taken, so a stray `.jpg` or `.pdf` in a
//! news folder does not count as a failed article.

use super::detect::Format;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

/// A file-name pattern: `*` (any run of characters except `/`), `**` (any run, `/` included),
/// `?` (one character), `[abc]` / `[a-z]` / `[!abc]` (one of a set), `{a,b}` (alternatives).
/// A pattern without `/` matches the file name; with `/`, the path relative to the walked
/// directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    pattern: String,
    /// The pattern with every `{a,b}` expanded.
    alternatives: Vec<Vec<char>>,
}

/// Why a glob pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad glob pattern {pattern:?}: {problem}")]
pub struct GlobError {
    pub pattern: String,
    pub problem: &'static str,
}

impl Glob {
    pub fn new(pattern: &str) -> Result<Glob, GlobError> {
        let err = |problem| GlobError {
            pattern: pattern.to_string(),
            problem,
        };
        if pattern.is_empty() {
            return Err(err("the pattern is empty"));
        }
        let mut alternatives = vec![String::new()];
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            let close = rest[open..]
                .find('}')
                .map(|c| open + c)
                .ok_or_else(|| err("a '{' has no matching '}'"))?;
            let prefix = &rest[..open];
            let options: Vec<&str> = rest[open + 1..close].split(',').collect();
            if options.iter().any(|o| o.contains('{')) {
                return Err(err("nested '{' is not supported"));
            }
            alternatives = alternatives
                .iter()
                .flat_map(|a| options.iter().map(move |o| format!("{a}{prefix}{o}")))
                .collect();
            if alternatives.len() > 1024 {
                return Err(err("too many '{a,b}' alternatives"));
            }
            rest = &rest[close + 1..];
        }
        for a in &mut alternatives {
            a.push_str(rest);
        }
        for a in &alternatives {
            let mut depth = 0i32;
            for c in a.chars() {
                match c {
                    '[' => depth += 1,
                    ']' if depth > 0 => depth -= 1,
                    _ => {}
                }
            }
            if depth != 0 {
                return Err(err("a '[' has no matching ']'"));
            }
        }
        Ok(Glob {
            pattern: pattern.to_string(),
            alternatives: alternatives.iter().map(|a| a.chars().collect()).collect(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// Whether a file (given by its path relative to the walked directory, `/`-separated)
    /// matches.
    pub fn matches_relative(&self, relative: &str) -> bool {
        let subject = if self.pattern.contains('/') {
            relative
        } else {
            relative.rsplit('/').next().unwrap_or(relative)
        };
        let subject: Vec<char> = subject.chars().collect();
        self.alternatives
            .iter()
            .any(|p| match_here(p, &subject, &mut 0))
    }
}

/// Backtracking matcher; `budget` bounds the work on pathological patterns.
fn match_here(p: &[char], s: &[char], budget: &mut u32) -> bool {
    *budget += 1;
    if *budget > 100_000 {
        return false;
    }
    match p.first() {
        None => s.is_empty(),
        Some('*') => {
            let double = p.get(1) == Some(&'*');
            let rest = if double { &p[2..] } else { &p[1..] };
            // `**/` also matches no directory at all
            if double && rest.first() == Some(&'/') && match_here(&rest[1..], s, budget) {
                return true;
            }
            for i in 0..=s.len() {
                if match_here(rest, &s[i..], budget) {
                    return true;
                }
                if i < s.len() && s[i] == '/' && !double {
                    return false;
                }
            }
            false
        }
        Some('?') => !s.is_empty() && s[0] != '/' && match_here(&p[1..], &s[1..], budget),
        Some('[') => {
            let Some(close) = p.iter().skip(2).position(|&c| c == ']').map(|i| i + 2) else {
                return false;
            };
            let Some(&c) = s.first() else {
                return false;
            };
            let (negate, set) = match p[1] {
                '!' | '^' => (true, &p[2..close]),
                _ => (false, &p[1..close]),
            };
            let mut hit = false;
            let mut i = 0;
            while i < set.len() {
                if i + 2 < set.len() && set[i + 1] == '-' {
                    hit |= set[i] <= c && c <= set[i + 2];
                    i += 3;
                } else {
                    hit |= set[i] == c;
                    i += 1;
                }
            }
            hit != negate && match_here(&p[close + 1..], &s[1..], budget)
        }
        Some(&c) => s.first() == Some(&c) && match_here(&p[1..], &s[1..], budget),
    }
}

/// A lazy sorted depth-first walk yielding `(path, relative path)` of the files to read.
#[derive(Debug)]
pub(crate) struct Walker {
    root: PathBuf,
    glob: Option<Glob>,
    /// Per level: the remaining sorted entries (reversed, so `pop` gives the next) and the
    /// relative path of that level.
    stack: Vec<(Vec<OsString>, String)>,
}

type WalkItem = Result<(PathBuf, String), (PathBuf, io::Error)>;

impl Walker {
    pub fn new(root: &Path, glob: Option<Glob>) -> io::Result<Walker> {
        let entries = sorted_entries(root)?;
        Ok(Walker {
            root: root.to_path_buf(),
            glob,
            stack: vec![(entries, String::new())],
        })
    }
}

fn sorted_entries(dir: &Path) -> io::Result<Vec<OsString>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        if !name.to_string_lossy().starts_with('.') {
            names.push(name);
        }
    }
    names.sort_by(|a, b| b.as_encoded_bytes().cmp(a.as_encoded_bytes()));
    Ok(names)
}

impl Iterator for Walker {
    type Item = WalkItem;

    fn next(&mut self) -> Option<WalkItem> {
        loop {
            let (entries, dir_rel) = self.stack.last_mut()?;
            let Some(name) = entries.pop() else {
                self.stack.pop();
                continue;
            };
            let relative = if dir_rel.is_empty() {
                name.to_string_lossy().into_owned()
            } else {
                format!("{dir_rel}/{}", name.to_string_lossy())
            };
            let path = self.root.join(&relative);
            let meta = match std::fs::symlink_metadata(&path) {
                Ok(m) => m,
                Err(e) => return Some(Err((path, e))),
            };
            if meta.is_dir() {
                match sorted_entries(&path) {
                    Ok(entries) => self.stack.push((entries, relative)),
                    Err(e) => return Some(Err((path, e))),
                }
                continue;
            }
            // a symlink: follow it to a file, never to a directory
            if meta.file_type().is_symlink() && std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                continue;
            }
            let wanted = match &self.glob {
                Some(g) => g.matches_relative(&relative),
                None => Format::readable_extension(&path),
            };
            if wanted {
                return Some(Ok((path, relative)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_names_and_paths() {
        let g = Glob::new("*.html").unwrap();
        assert!(g.matches_relative("a/b/page.html"));
        assert!(!g.matches_relative("a/page.htm"));
        let g = Glob::new("*.{html,htm}").unwrap();
        assert!(g.matches_relative("page.htm"));
        let g = Glob::new("2019/**/*.json[l]").unwrap();
        assert!(g.matches_relative("2019/06/12/x.jsonl"));
        assert!(g.matches_relative("2019/x.jsonl"));
        assert!(!g.matches_relative("2020/x.jsonl"));
        let g = Glob::new("a/*.txt").unwrap();
        assert!(!g.matches_relative("a/b/c.txt"));
        assert!(Glob::new("x[ab").is_err());
        assert!(Glob::new("x{a,b").is_err());
        assert!(Glob::new("").is_err());
        let g = Glob::new("[!x]?.txt").unwrap();
        assert!(g.matches_relative("ab.txt") && !g.matches_relative("xb.txt"));
    }

    #[test]
    fn pathological_globs_terminate() {
        let g = Glob::new("*a*a*a*a*a*a*a*a*a*a*b").unwrap();
        assert!(!g.matches_relative(&"a".repeat(60)));
    }
}
