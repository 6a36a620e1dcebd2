//! Who may open a store: one writer, or any number of readers, never both.
//!
//! RocksDB lets only one process open a store for writing, but it lets a reader open a
//! store that another process is writing, and Oxigraph calls that undefined behaviour.
//! So newsgraph keeps its own lock file in the store folder (`newsgraph.lock`): a writer
//! (`ingest`, `push`, `rebuild`) holds an exclusive lock and writes who it is into the
//! file; readers (`query`, `export`, `eval`, `info`) hold shared locks. Whoever comes
//! second is told who holds the store, and nothing is opened. The operating system
//! drops the locks when a process ends, however it ends (`kill -9` included).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The lock file's name inside a store folder.
pub const LOCK_FILE: &str = "newsgraph.lock";

/// Why a store could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// A writer holds the store.
    #[error(
        "store {path} is locked by another process ({holder}); try again when it has finished"
    )]
    Writing {
        /// The store folder.
        path: PathBuf,
        /// Who holds it, as the holder wrote it.
        holder: String,
    },
    /// Readers hold the store, so it cannot be written now.
    #[error("store {path} is being read by another process (a query, an export, a picture or `newsgraph serve`); try again when it has finished")]
    Reading {
        /// The store folder.
        path: PathBuf,
    },
    /// The lock file cannot be opened.
    #[error("cannot open the lock file {path}: {source}")]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct StoreLock {
    file: File,
    exclusive: bool,
}

impl Drop for StoreLock {
    fn drop(&mut self) {
        if self.exclusive {
            // the name of a writer that has finished would mislead (a killed one's stays,
            // but is only shown while a lock is held)
            let _ = self.file.set_len(0);
        }
    }
}

fn holder(file: &mut File) -> String {
    let mut s = String::new();
    let _ = file.rewind().and_then(|()| file.read_to_string(&mut s));
    let s = s.trim();
    if s.is_empty() {
        "another newsgraph".to_string()
    } else {
        s.to_string()
    }
}

impl StoreLock {
    /// Takes the store for writing (the folder must exist), recording `what` (the
    /// command) and this process in the lock file.
    pub fn exclusive(store: &Path, what: &str) -> Result<Self, LockError> {
        let path = store.join(LOCK_FILE);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                // readers can share with another reader; a writer shares with nobody
                return Err(match file.try_lock_shared() {
                    Ok(()) => LockError::Reading {
                        path: store.to_path_buf(),
                    },
                    Err(_) => LockError::Writing {
                        path: store.to_path_buf(),
                        holder: holder(&mut file),
                    },
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        let who = format!(
            "newsgraph {what}, process {}, since {}",
            std::process::id(),
            chrono::Local::now().format("%Y-%m-%d %H:%M:%S")
        );
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(who.as_bytes()))
            .and_then(|()| file.flush())
            .map_err(io)?;
        Ok(StoreLock {
            file,
            exclusive: true,
        })
    }

    /// Takes the store for reading. A store folder that cannot be written to (a
    /// read-only copy) has no lock file to take: then nobody can be writing it either.
    pub fn shared(store: &Path) -> Result<Option<Self>, LockError> {
        let path = store.join(LOCK_FILE);
        let mut file = match OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        {
            Ok(f) => f,
            Err(e)
                if e.kind() == std::io::ErrorKind::PermissionDenied
                    || e.kind() == std::io::ErrorKind::ReadOnlyFilesystem =>
            {
                return Ok(None)
            }
            Err(source) => return Err(LockError::Io { path, source }),
        };
        match file.try_lock_shared() {
            Ok(()) => Ok(Some(StoreLock {
                file,
                exclusive: false,
            })),
            Err(TryLockError::WouldBlock) => Err(LockError::Writing {
                path: store.to_path_buf(),
                holder: holder(&mut file),
            }),
            Err(TryLockError::Error(source)) => Err(LockError::Io { path, source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_writer_or_many_readers() {
        let dir = tempfile::TempDir::new().expect("tempdir");
        let w = StoreLock::exclusive(dir.path(), "ingest").expect("first writer");
        let e = StoreLock::exclusive(dir.path(), "ingest").expect_err("second writer");
        let msg = e.to_string();
        assert!(
            msg.contains(&format!(
                "is locked by another process (newsgraph ingest, process {}",
                std::process::id()
            )),
            "{msg}"
        );
        let e = StoreLock::shared(dir.path()).expect_err("reader while writing");
        assert!(matches!(e, LockError::Writing { .. }), "{e}");
        drop(w);
        let r1 = StoreLock::shared(dir.path()).expect("reader");
        let _r2 = StoreLock::shared(dir.path()).expect("second reader");
        let e = StoreLock::exclusive(dir.path(), "ingest").expect_err("writer while reading");
        assert!(matches!(e, LockError::Reading { .. }), "{e}");
        drop((r1, _r2));
        StoreLock::exclusive(dir.path(), "push").expect("writer after the readers");
    }
}
