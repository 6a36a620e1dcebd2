//! Parameters of a query bound where the planner can use them. A parameter given only as
//! an initial binding of the results (`substitute_variable`) reaches the store after the
//! plan is made: `evidence` for one name still starts from every assertion (11.7 s on a
//! store of 5.5 million quads). Joined first, as `VALUES ?subject { "…" }` at the head of
//! the query's pattern, it is where the planner starts (0.6 s). The term goes into the
//! algebra, never into the query's text.

use oxigraph::model::{Term, Variable};
use spargebra::algebra::GraphPattern;
use spargebra::term::{GroundTerm, NamedNodePattern, TermPattern};
use spargebra::Query;

/// Joins each parameter that the pattern does not compute (by `BIND` or an aggregate) as
/// a one-row `VALUES` at the head of the query's pattern, under its projection, order
/// and slice. Returns the parameters left for an initial binding: those computed, and
/// any term `VALUES` cannot hold.
pub(super) fn bind_first(query: &mut Query, params: &[(Variable, Term)]) -> Vec<(Variable, Term)> {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    let mut rest = Vec::new();
    let mut joined: Vec<(Variable, GroundTerm)> = Vec::new();
    for (v, t) in params {
        let ground = match t {
            Term::NamedNode(n) => Some(GroundTerm::NamedNode(n.clone())),
            Term::Literal(l) => Some(GroundTerm::Literal(l.clone())),
            _ => None,
        };
        match ground {
            Some(g) if !computes(pattern, v) => joined.push((v.clone(), g)),
            _ => rest.push((v.clone(), t.clone())),
        }
    }
    if !joined.is_empty() {
        let vars: Vec<Variable> = joined.iter().map(|(v, _)| v.clone()).collect();
        let values = GraphPattern::Values {
            variables: vars.clone(),
            bindings: vec![joined.into_iter().map(|(_, g)| Some(g)).collect()],
        };
        join_at_head(pattern, values, &vars);
    }
    rest
}

/// Joins `values` at the head of the part of `p` that matches `vars` in the store: under
/// the solution modifiers, `BIND`s and filters (which then see the values), into the left
/// of an `OPTIONAL` and the side of a join that names them, down to their basic graph
/// pattern, so the planner starts from the bound terms.
fn join_at_head(p: &mut GraphPattern, values: GraphPattern, vars: &[Variable]) {
    let names = |q: &GraphPattern| vars.iter().all(|v| matches_var(q, v));
    match p {
        // the solution modifiers on top: always under them, so the projection keeps its
        // columns
        GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::OrderBy { inner, .. } => join_at_head(inner, values, vars),
        // under a FILTER and a BIND of the group, so that they see the value ("FILTER(?n
        // >= COALESCE(?outlets, 2))"; no BIND makes the variable: `computes` said so)
        GraphPattern::Extend { inner, .. } | GraphPattern::Filter { inner, .. } => {
            join_at_head(inner, values, vars)
        }
        GraphPattern::LeftJoin { left, .. } if names(left) => join_at_head(left, values, vars),
        GraphPattern::Join { left, right } if names(left) || names(right) => {
            let side = if names(left) { left } else { right };
            join_at_head(side, values, vars)
        }
        other => {
            let right = std::mem::replace(
                other,
                GraphPattern::Bgp {
                    patterns: Vec::new(),
                },
            );
            *other = GraphPattern::Join {
                left: Box::new(values),
                right: Box::new(right),
            };
        }
    }
}

/// Whether a triple pattern of `p` (not of a sub-query's inside) names `v`.
fn matches_var(p: &GraphPattern, v: &Variable) -> bool {
    let is_v = |t: &TermPattern| matches!(t, TermPattern::Variable(x) if x == v);
    match p {
        GraphPattern::Bgp { patterns } => patterns.iter().any(|t| {
            is_v(&t.subject)
                || is_v(&t.object)
                || matches!(&t.predicate, NamedNodePattern::Variable(x) if x == v)
        }),
        GraphPattern::Path {
            subject, object, ..
        } => is_v(subject) || is_v(object),
        GraphPattern::Join { left, right } | GraphPattern::LeftJoin { left, right, .. } => {
            matches_var(left, v) || matches_var(right, v)
        }
        GraphPattern::Extend { inner, .. }
        | GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::OrderBy { inner, .. } => matches_var(inner, v),
        _ => false,
    }
}

/// Whether the pattern computes `v` anywhere (`BIND`, an aggregate, a projection of a
/// sub-query that groups); a pattern of a kind not known here counts as computing it.
fn computes(p: &GraphPattern, v: &Variable) -> bool {
    match p {
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => false,
        GraphPattern::Join { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right }
        | GraphPattern::LeftJoin { left, right, .. } => computes(left, v) || computes(right, v),
        GraphPattern::Extend {
            inner, variable, ..
        } => variable == v || computes(inner, v),
        GraphPattern::Group {
            inner, aggregates, ..
        } => aggregates.iter().any(|(a, _)| a == v) || computes(inner, v),
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Service { inner, .. } => computes(inner, v),
        #[allow(unreachable_patterns)]
        _ => true,
    }
}

/// Whether the query's text uses the variable (`?name` or `$name`, as a whole name).
pub(super) fn uses(text: &str, v: &Variable) -> bool {
    let name = v.as_str();
    text.match_indices(['?', '$']).any(|(i, _)| {
        let rest = &text[i + 1..];
        rest.starts_with(name)
            && !rest[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    fn bound(text: &str, name: &str) -> (String, usize) {
        let mut q = spargebra::SparqlParser::new()
            .parse_query(text)
            .expect("parses");
        let params = vec![(
            Variable::new_unchecked(name),
            Term::from(Literal::new_simple_literal("Tom \"T\" Vale")),
        )];
        let rest = bind_first(&mut q, &params);
        (q.to_string(), rest.len())
    }

    #[test]
    fn a_matched_variable_is_joined_first_as_values() {
        let (text, rest) = bound(
            "SELECT ?s ?o WHERE { ?x <http://l> ?s . ?x <http://p> ?o } ORDER BY ?o LIMIT 3",
            "s",
        );
        assert_eq!(rest, 0);
        let values = text.find("VALUES").expect(&text);
        assert!(values < text.find("<http://l>").expect(&text), "{text}");
        // the term is escaped by the algebra, not pasted
        assert!(text.contains(r#""Tom \"T\" Vale""#), "{text}");
        assert!(
            text.contains("ORDER BY") && text.contains("LIMIT 3"),
            "{text}"
        );
    }

    #[test]
    fn a_variable_is_used_by_its_whole_name() {
        let text = "SELECT ?subject WHERE { ?x ?p $obj }";
        assert!(uses(text, &Variable::new_unchecked("subject")));
        assert!(uses(text, &Variable::new_unchecked("obj")));
        assert!(!uses(text, &Variable::new_unchecked("sub")));
        assert!(!uses(text, &Variable::new_unchecked("entity")));
    }

    #[test]
    fn a_computed_variable_is_left_for_the_results() {
        let (text, rest) = bound(
            "SELECT ?s WHERE { ?x <http://l> ?l BIND(STR(?l) AS ?s) }",
            "s",
        );
        assert_eq!(rest, 1);
        assert!(!text.contains("VALUES"), "{text}");
    }
}
