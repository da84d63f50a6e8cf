//! `TrainingClass`: a programme's classes and who attended them. Plans
//! count trainees (lượt người) and the people and enterprises reached;
//! trainees need no account or profile. Classes and the totals are
//! public; the names on an attendance list are the programme's managers'
//! to read.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use super::ids::{self, Kind};
use super::loaders::{self, ClassId, ProgrammeId, ProvinceId, StartupId};
use super::mutation::{caller, clean, delete, payload, payloads, reference, user_errors};
use super::scalars::Date;
use crate::error::Error;
use crate::model::{
    Attendance, AttendanceDraft, Audience, ClassDraft, Field, Gender, Programme, Province, Startup,
    TrainingClass, TrainingTotals,
};
use crate::ops::{policy, profiles, programmes};
use crate::store::Store;

/// A training class of a programme.
#[Object]
impl TrainingClass {
    /// The class's ID.
    async fn id(&self) -> ID {
        ids::encode(Kind::Class, self.id)
    }

    /// The unique key (as in data files).
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The class's title.
    async fn title(&self) -> &str {
        &self.title
    }

    /// The day it was held.
    async fn held_on(&self) -> Date {
        Date(self.held_on)
    }

    /// Where.
    async fn province(&self, ctx: &Context<'_>) -> Result<Option<Province>> {
        match self.province_id {
            Some(id) => Ok(loaders::one(ctx, ProvinceId(id)).await?),
            None => Ok(None),
        }
    }

    /// How many hours.
    async fn hours(&self) -> Option<i32> {
        self.hours
    }

    /// Who taught it.
    async fn trainer(&self) -> Option<&str> {
        self.trainer.as_deref()
    }

    /// The programme it belongs to.
    async fn programme(&self, ctx: &Context<'_>) -> Result<Option<Programme>> {
        Ok(loaders::one(ctx, ProgrammeId(self.programme_id)).await?)
    }

    /// Who attended, in the order recorded: the programme's managers only
    /// (`FORBIDDEN` for others), since the list names people.
    async fn attendance(&self, ctx: &Context<'_>) -> Result<Vec<Attendance>> {
        let c = caller(ctx);
        if !programmes::manages(&c, self.programme_id).await? {
            return Err(policy::forbidden(
                "only the programme's managers see who attended its classes",
            )
            .into());
        }
        Ok(c.store
            .attendance_of_classes(&[self.id])
            .await
            .map_err(Error::from)?)
    }
}

/// One person at a class.
#[Object]
impl Attendance {
    /// The person's name.
    async fn person(&self) -> &str {
        &self.person
    }

    /// The organisation or enterprise they came from.
    async fn organization(&self) -> Option<&str> {
        self.organization.as_deref()
    }

    /// Their gender, if recorded.
    async fn gender(&self) -> Option<Gender> {
        self.gender
    }

    /// Their group (students, women, farmers, ...), if recorded.
    async fn group(&self) -> Option<Audience> {
        self.audience
    }

    /// The startup they came for, if any.
    async fn startup(&self, ctx: &Context<'_>) -> Result<Option<Startup>> {
        match self.startup_id {
            Some(id) => Ok(loaders::one(ctx, StartupId(id)).await?),
            None => Ok(None),
        }
    }
}

/// What a programme's classes reached, as plans count it.
#[derive(SimpleObject)]
pub struct Totals {
    /// Classes held.
    pub classes: i64,
    /// Attendances (lượt người): a person at two classes counts twice.
    pub trainee_times: i64,
    /// Distinct people, by name and organisation (however the name was
    /// typed: case, diacritics and spaces do not count).
    pub people: i64,
    /// Distinct enterprises: the startups named, else organisations by name.
    pub enterprises: i64,
    /// Attendances by women.
    pub women_times: i64,
}

impl From<TrainingTotals> for Totals {
    fn from(t: TrainingTotals) -> Self {
        Totals {
            classes: t.classes,
            trainee_times: t.trainee_times,
            people: t.people,
            enterprises: t.enterprises,
            women_times: t.women_times,
        }
    }
}

/// A programme's classes, by day.
pub async fn classes_of(ctx: &Context<'_>, programme: i64) -> Result<Vec<TrainingClass>, Error> {
    Ok(ctx
        .data_unchecked::<Store>()
        .classes_of_programmes(&[programme])
        .await?)
}

/// What a programme's classes reached.
pub async fn totals_of(ctx: &Context<'_>, programme: i64) -> Result<Totals, Error> {
    let found = (ctx.data_unchecked::<Store>())
        .training_totals(&[programme])
        .await?;
    Ok(found
        .into_iter()
        .find(|(p, _)| *p == programme)
        .map(|(_, t)| t)
        .unwrap_or_default()
        .into())
}

/// A training class to add to a programme.
#[derive(InputObject)]
pub struct CreateTrainingClassInput {
    /// The programme (one the viewer manages).
    pub programme: ID,
    /// The unique key; derived from the title when absent.
    pub slug: Option<String>,
    /// The title (1 to 200 characters).
    pub title: String,
    /// The day it is held.
    pub held_on: Date,
    /// The province key.
    pub province: Option<String>,
    /// How many hours (1 to 1000).
    pub hours: Option<i32>,
    /// Who teaches it.
    pub trainer: Option<String>,
}

/// One person at a class.
#[derive(InputObject)]
pub struct AttendeeInput {
    /// The person's name (1 to 200 characters).
    pub person: String,
    /// The organisation or enterprise they came from.
    pub organization: Option<String>,
    /// Their gender.
    pub gender: Option<Gender>,
    /// Their group.
    pub group: Option<Audience>,
    /// The startup they came for: its people's attendance is training
    /// support the startup received.
    pub startup: Option<ID>,
}

/// Who attended a class.
#[derive(InputObject)]
pub struct RecordAttendanceInput {
    /// The class.
    pub class: ID,
    /// The people (at most 500 at a time). A person already recorded at
    /// this class (the same name at the same organisation) is updated, not
    /// counted twice.
    pub attendees: Vec<AttendeeInput>,
}

payloads! {
    /// The result of adding a class or recording its attendance.
    TrainingClassPayload {
        /// The class; null when there are user errors.
        training_class: TrainingClass
    }
}

/// Training classes and attendance.
#[derive(Default)]
pub struct TrainingMutation;

/// Training classes and attendance.
#[Object]
impl TrainingMutation {
    /// Adds a training class to a programme (its managers).
    async fn create_training_class(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to add.")] input: CreateTrainingClassInput,
    ) -> Result<TrainingClassPayload> {
        payload!(
            ctx,
            {
                let programme = reference(&input.programme, Kind::Programme, Field::Programme);
                let draft = ClassDraft {
                    slug: input.slug.unwrap_or_default(),
                    programme: String::new(),
                    title: input.title,
                    held_on: input.held_on.0,
                    province: clean(input.province),
                    hours: input.hours,
                    trainer: clean(input.trainer),
                };
                profiles::create_class(&caller(ctx), draft, programme).await
            },
            TrainingClassPayload,
            ClassId
        )
    }

    /// Records who attended a class (the programme's managers), and the
    /// training support it means for the startups named.
    async fn record_attendance(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Who attended.")] input: RecordAttendanceInput,
    ) -> Result<TrainingClassPayload> {
        payload!(
            ctx,
            {
                let class = reference(&input.class, Kind::Class, Field::Class);
                let (attendees, startups) = input
                    .attendees
                    .into_iter()
                    .map(|a| {
                        let startup = (a.startup.as_ref())
                            .map(|id| reference(id, Kind::Startup, Field::Startup));
                        let draft = AttendanceDraft {
                            class: String::new(),
                            person: a.person,
                            organization: clean(a.organization),
                            gender: a.gender,
                            audience: a.group,
                            startup: None,
                        };
                        (draft, startup)
                    })
                    .unzip();
                profiles::record_attendance(&caller(ctx), class, attendees, startups).await
            },
            TrainingClassPayload,
            ClassId
        )
    }

    /// Deletes a training class and its attendance (the programme's managers).
    async fn delete_training_class(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: super::inputs::DeleteInput,
    ) -> Result<super::inputs::DeletePayload> {
        Ok(delete::<ClassDraft>(ctx, input.id, Kind::Class).await?)
    }
}
