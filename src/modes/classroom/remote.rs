//! Presenter-remote keys between the classroom's screens after the film: Page Down goes on
//! to the next screen and Page Up back to the previous one. On the film screen the journey
//! already pauses on Page Down, B and period.

use bevy::prelude::*;

use crate::AppSystems;
use crate::journey::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, page_with_remote.in_set(AppSystems::Input));
}

/// Returns the screen that Page Down (`forward`) or Page Up leads to from `screen`, if
/// any. The decision is left out because the trainer records the group's choice there.
pub(crate) fn remote_target(screen: Screen, forward: bool) -> Option<Screen> {
    match (screen, forward) {
        (Screen::Feedback, true) => Some(Screen::HowToAct),
        (Screen::HowToAct, true) => Some(Screen::Start),
        (Screen::HowToAct, false) => Some(Screen::Feedback),
        _ => None,
    }
}

fn page_with_remote(
    keys: Res<ButtonInput<KeyCode>>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let forward = keys.just_pressed(KeyCode::PageDown);
    let back = keys.just_pressed(KeyCode::PageUp);
    if !forward && !back {
        return;
    }
    if let Some(target) = remote_target(*screen.get(), forward) {
        debug!(
            "classroom: remote moves from {:?} to {target:?}",
            screen.get()
        );
        next.set(target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_down_walks_forward_after_film() {
        assert_eq!(
            remote_target(Screen::Feedback, true),
            Some(Screen::HowToAct)
        );
        assert_eq!(remote_target(Screen::HowToAct, true), Some(Screen::Start));
    }

    #[test]
    fn page_up_walks_back_to_feedback() {
        assert_eq!(
            remote_target(Screen::HowToAct, false),
            Some(Screen::Feedback)
        );
        assert_eq!(remote_target(Screen::Feedback, false), None);
    }

    #[test]
    fn remote_leaves_film_and_decision_alone() {
        for screen in [Screen::Watching, Screen::Decision, Screen::Start] {
            assert_eq!(remote_target(screen, true), None, "{screen:?}");
        }
    }
}
