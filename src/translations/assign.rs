//! Families from scored pairs: declared links first, then found pairs from the best down, each
//! joining two groups only when no language would then appear twice (greedy agglomeration under
//! the constraint of one post per language).

use super::signals::Read;
use super::Pair;

/// A family in the making: its posts (by index), those linked by declared keys, and why.
pub struct Group {
    pub members: Vec<usize>,
    pub declared: Vec<usize>,
    pub evidence: Vec<String>,
}

/// The groups of two or more posts, in the order of their first post.
pub fn families(read: &[Read], declared: &[Pair], found: &[Pair]) -> Vec<Group> {
    let mut group_of: Vec<Option<usize>> = vec![None; read.len()];
    let mut groups: Vec<Group> = Vec::new();
    for (pair, is_declared) in declared
        .iter()
        .map(|p| (p, true))
        .chain(found.iter().map(|p| (p, false)))
    {
        if read[pair.a].lang.is_none() || read[pair.b].lang.is_none() {
            continue;
        }
        join(read, &mut group_of, &mut groups, pair, is_declared);
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .filter(|g| g.members.len() >= 2)
        .collect();
    for g in &mut out {
        crate::sort::natural(&mut g.members);
        crate::sort::natural(&mut g.declared);
        g.declared.dedup();
    }
    crate::sort::by_key(&mut out, |g| g.members[0]);
    out
}

fn join(
    read: &[Read],
    group_of: &mut [Option<usize>],
    groups: &mut Vec<Group>,
    pair: &Pair,
    is_declared: bool,
) {
    let ga = group_for(pair.a, group_of, groups);
    let gb = group_for(pair.b, group_of, groups);
    if ga != gb {
        let lang = |i: &usize| read[*i].lang.as_deref();
        let clash = groups[ga]
            .members
            .iter()
            .any(|x| groups[gb].members.iter().any(|y| lang(x) == lang(y)));
        if clash {
            return;
        }
        let moved = std::mem::replace(
            &mut groups[gb],
            Group {
                members: Vec::new(),
                declared: Vec::new(),
                evidence: Vec::new(),
            },
        );
        for &m in &moved.members {
            group_of[m] = Some(ga);
        }
        let target = &mut groups[ga];
        target.members.extend(moved.members);
        target.declared.extend(moved.declared);
        target.evidence.extend(moved.evidence);
    } else if !is_declared {
        // Already together through better pairs: this one adds nothing to say.
        return;
    }
    let target = &mut groups[ga];
    if is_declared {
        target.declared.extend([pair.a, pair.b]);
    }
    if !target.evidence.contains(&pair.evidence) {
        target.evidence.push(pair.evidence.clone());
    }
}

fn group_for(post: usize, group_of: &mut [Option<usize>], groups: &mut Vec<Group>) -> usize {
    *group_of[post].get_or_insert_with(|| {
        groups.push(Group {
            members: vec![post],
            declared: Vec::new(),
            evidence: Vec::new(),
        });
        groups.len() - 1
    })
}
