//! `newsgraph push`: the store into a remote triple store over HTTP.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use newsgraph::cli::PushArgs;
use newsgraph::store::NewsStore;

use super::{Ctx, EXIT_INCOMPLETE};

/// The password: from the environment variable named, else asked on the terminal.
fn password(user: &str, env: Option<&str>) -> Result<String> {
    if let Some(var) = env {
        return std::env::var(var).with_context(|| {
            format!("--password-env {var}: the environment variable {var} is not set")
        });
    }
    if !io::stdin().is_terminal() {
        bail!("--user {user} needs a password: name an environment variable holding it with --password-env VAR");
    }
    rpassword::prompt_password(format!("Password for {user}: "))
        .context("cannot read the password from the terminal")
}

/// `newsgraph push`.
pub fn push(ctx: &Ctx, a: PushArgs) -> Result<ExitCode> {
    use newsgraph::push::{self as p, Protocol, PushError, PushOptions};
    let (url, protocol) = match (&a.endpoint, &a.update_endpoint) {
        (Some(u), _) => (u, Protocol::GraphStore),
        (None, Some(u)) => (u, Protocol::Update),
        (None, None) => {
            bail!("give --endpoint URL (Graph Store Protocol) or --update-endpoint URL")
        }
    };
    let mut opts = PushOptions::new(p::endpoint_url(url)?, protocol);
    if let Some(q) = &a.query_endpoint {
        opts.query_endpoint = Some(p::endpoint_url(q)?);
    }
    if let Some(g) = &a.graph {
        opts.graph = Some(
            oxigraph::model::NamedNode::new(g)
                .with_context(|| format!("--graph {g:?} is not an absolute IRI"))?,
        );
    }
    if a.graph_per_article {
        opts.layout = p::Layout::GraphPerArticle;
    }
    if let Some(n) = a.batch_triples {
        if n == 0 {
            bail!("--batch-triples must be at least 1");
        }
        opts.batch_triples = n;
    }
    if !(a.timeout > 0.0 && a.timeout.is_finite()) {
        bail!("--timeout must be a positive number of seconds");
    }
    opts.timeout = std::time::Duration::from_secs_f64(a.timeout);
    opts.retries = a.retries;
    opts.full = a.full;
    opts.auth = a.auth;
    let s = NewsStore::open(&ctx.store(a.store.clone())?, "push")?;
    if a.dry_run {
        let plan = p::plan(&s, &opts)?;
        let mut out = io::stdout().lock();
        let (mut n, mut t) = (0, 0);
        for (graph, count, unchanged) in &plan {
            writeln!(
                out,
                "{graph}\t{count}\t{}",
                if *unchanged { "unchanged" } else { "send" }
            )?;
            if !unchanged {
                n += 1;
                t += count;
            }
        }
        ctx.ui.note(format!(
            "dry run: would send {t} triples in {n} of {} graphs to {}",
            plan.len(),
            p::http::without_query(&opts.endpoint)
        ));
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(user) = &a.user {
        opts.credentials = Some(p::Credentials {
            user: user.clone(),
            password: password(user, a.password_env.as_deref())?,
        });
    }
    let mut progress = None;
    let r = p::push(&s, &opts, |done, total| {
        progress
            .get_or_insert_with(|| ctx.ui.progress(Some(total as u64), "graphs pushed"))
            .set(done as u64);
    });
    drop(progress);
    match r {
        Ok(sum) => {
            {
                let graphs = |n: usize| format!("{n} graph{}", if n == 1 { "" } else { "s" });
                let check = match sum.verified_graphs {
                    Some(n) => format!(
                        "checked: the remote counts equal the local ones ({} triples in {}{})",
                        sum.triples_total,
                        graphs(n),
                        if sum.resent > 0 {
                            format!("; {} sent again after the check", graphs(sum.resent))
                        } else {
                            String::new()
                        }
                    ),
                    None => "not checked (give --query-endpoint to compare the remote counts)"
                        .to_string(),
                };
                ctx.ui.note(format!(
                    "pushed {} triples in {} to {} ({} unchanged, {} requests, {} retried, {:.1}s); {check}",
                    sum.triples_sent,
                    graphs(sum.graphs_sent + sum.resent),
                    p::http::without_query(&opts.endpoint),
                    sum.graphs_unchanged,
                    sum.requests,
                    sum.retried,
                    sum.seconds
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ PushError::Incomplete { .. }) => {
            ctx.ui.error(e);
            Ok(ExitCode::from(EXIT_INCOMPLETE))
        }
        Err(e) => Err(e.into()),
    }
}
