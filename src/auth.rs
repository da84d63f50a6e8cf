//! Accounts: sign-up and sign-in with argon2id password hashes, bearer
//! tokens that expire and can be revoked, sign-in throttling per account and
//! per address, and the [`Viewer`] every request runs as.
//!
//! Tokens are 256 random bits; the database keeps only their BLAKE2s hash,
//! so a copy of the `sessions` table does not let anyone in. Password checks
//! run on the blocking pool (argon2 is deliberately slow), and an unknown
//! e-mail address is checked against a dummy hash, so the answer time does
//! not tell whether an account exists.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use blake2::{Blake2s256, Digest};
use chrono::{DateTime, Utc};
use governor::clock::{Clock as _, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::clock::Clock;
use crate::error::Error;
use crate::http::throttle::client_key;
use crate::model::{Checker, Contact, Field, FieldError, FieldErrorCode, Role, User};
use crate::store::{NewUser, Store, StoreError};

/// The shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password accepted, in bytes (argon2 hashes any length, but a
/// megabyte password is an attack, not a password).
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// The longest display name, in characters.
pub const MAX_USER_NAME_CHARS: usize = 200;

/// Settings of accounts and sign-in.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    /// How long a token from `signIn` stays valid.
    pub token_ttl: Duration,
    /// Wrong passwords one account may take in a row...
    pub account_burst: u32,
    /// ...after which every sign-in to it, right or wrong, waits its turn:
    /// this long after the last, doubling with each further wrong password
    /// up to 16 times as long. The address limits do the blocking; this
    /// only slows guessing spread over many addresses, and the owner still
    /// gets in.
    pub account_delay: Duration,
    /// Sign-in attempts one client address may take in a burst...
    pub address_burst: u32,
    /// ...after which one more is allowed per this period.
    pub address_period: Duration,
    /// Sign-ups one client address may make in a burst (each costs a
    /// password hash, so a flood of them is a denial of service)...
    pub sign_up_burst: u32,
    /// ...after which one more is allowed per this period.
    pub sign_up_period: Duration,
}

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            token_ttl: Duration::from_secs(30 * 24 * 3600),
            account_burst: 5,
            account_delay: Duration::from_secs(1),
            address_burst: 20,
            address_period: Duration::from_secs(6),
            sign_up_burst: 50,
            sign_up_period: Duration::from_secs(6),
        }
    }
}

/// Who a request runs as: a signed-in user and the session of its token.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: User,
    pub session_id: i64,
}

impl Viewer {
    /// The operator as the command line acts: whoever runs `ketnoi` on the
    /// database (no account, no session).
    pub fn operator() -> Viewer {
        Viewer {
            user: User {
                id: 0,
                email: String::new(),
                role: Role::Admin,
                name: None,
                created_at: chrono::DateTime::UNIX_EPOCH,
            },
            session_id: 0,
        }
    }

    /// Whether the viewer is the operator.
    pub fn is_admin(&self) -> bool {
        self.user.role == Role::Admin
    }

    /// Whether the viewer owns a profile with this owner.
    pub fn owns(&self, owner_id: Option<i64>) -> bool {
        owner_id == Some(self.user.id)
    }

    /// Whether the viewer may change a profile with this owner.
    pub fn may_change(&self, owner_id: Option<i64>) -> bool {
        self.is_admin() || self.owns(owner_id)
    }
}

/// A new token and when it expires.
#[derive(Debug, Clone)]
pub struct Token {
    /// The bearer token; shown once, never stored.
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// The outcome of a sign-up.
#[derive(Debug)]
pub enum SignUp {
    /// The account exists and is signed in.
    Welcome(User, Token),
    /// What the user must fix.
    Refused(Vec<FieldError>),
    /// Too many sign-ups from this address: try again after this long.
    Throttled(Duration),
}

/// The outcome of a sign-in attempt.
#[derive(Debug)]
pub enum SignIn {
    /// The password matched.
    Welcome(User, Token),
    /// Unknown address or wrong password (deliberately not told apart).
    Refused,
    /// Too many attempts: try again after this long.
    Throttled(Duration),
}

/// Accounts and sessions, shared by every request.
pub struct Auth {
    store: Store,
    config: AuthConfig,
    /// When tokens are issued and expire.
    clock: Clock,
    by_account: AccountDelays,
    by_address: DefaultKeyedRateLimiter<IpAddr>,
    sign_ups: DefaultKeyedRateLimiter<IpAddr>,
    /// Password hashes computed at once: each takes ~19 MiB and a core for
    /// tens of milliseconds, so a burst waits here instead of exhausting
    /// memory and the blocking pool.
    hashing: tokio::sync::Semaphore,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth")
            .field("config", &self.config)
            .finish()
    }
}

/// Limiter states kept before the idle ones are dropped (a flood of made-up
/// e-mail addresses must not grow memory without bound).
const MAX_LIMITER_KEYS: usize = 10_000;

fn quota(burst: u32, period: Duration) -> Quota {
    let period = period.max(Duration::from_millis(1));
    Quota::with_period(period)
        .expect("BUG: the period is positive")
        .allow_burst(NonZeroU32::new(burst.max(1)).expect("BUG: at least 1"))
}

impl Auth {
    /// Accounts on `store` with these settings, on `clock`'s time.
    pub fn new(store: Store, config: AuthConfig, clock: Clock) -> Arc<Auth> {
        Arc::new(Auth {
            by_account: AccountDelays::new(config.account_burst, config.account_delay),
            by_address: RateLimiter::keyed(quota(config.address_burst, config.address_period)),
            sign_ups: RateLimiter::keyed(quota(config.sign_up_burst, config.sign_up_period)),
            hashing: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
            store,
            config,
            clock,
        })
    }

    /// Creates an account and signs it in. Sign-ups are limited per client
    /// address.
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        role: Role,
        name: Option<&str>,
        address: Option<IpAddr>,
    ) -> Result<SignUp, Error> {
        if role == Role::Admin {
            return Ok(SignUp::Refused(vec![FieldError::new(
                Field::Role,
                FieldErrorCode::Invalid,
                "operator accounts are made with `ketnoi admin create`",
            )]));
        }
        if let Some(address) = address
            && let Err(not_until) = self.sign_ups.check_key(&client_key(address))
        {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            return Ok(SignUp::Throttled(wait.max(Duration::from_secs(1))));
        }
        let user = match self.create(email, password, role, name).await? {
            Ok(user) => user,
            Err(errors) => return Ok(SignUp::Refused(errors)),
        };
        let token = self.start_session(user.id).await?;
        Ok(SignUp::Welcome(user, token))
    }

    /// Creates an account of any role (the command line's `admin create`
    /// makes operators with it). `Err` lists what the user must fix.
    pub async fn create(
        &self,
        email: &str,
        password: &str,
        role: Role,
        name: Option<&str>,
    ) -> Result<Result<User, Vec<FieldError>>, Error> {
        let email = normalize_email(email);
        let name = name.map(str::trim).filter(|n| !n.is_empty());
        let mut c = Checker::default();
        if email.is_empty() {
            c.push(Field::Email, FieldErrorCode::Required, "is required");
        } else if let Some(refusal) = email_refusal(&email) {
            c.push(Field::Email, FieldErrorCode::Invalid, refusal);
        } else {
            c.contact(&Contact {
                email: Some(email.clone()),
                phone: None,
            });
        }
        check_password(&mut c, password);
        if let Some(name) = name {
            c.max_len(Field::Name, name, MAX_USER_NAME_CHARS);
        }
        if let Err(errors) = c.finish() {
            return Ok(Err(errors));
        }
        let password_hash = {
            let _permit = self.hashing_permit().await?;
            hash_password(password.to_string()).await?
        };
        let new = NewUser {
            email: &email,
            password_hash: &password_hash,
            role,
            name,
        };
        let id = match self.store.create_user(&new).await {
            Ok(id) => id,
            Err(StoreError::Invalid { errors, .. }) => return Ok(Err(errors)),
            Err(e) => return Err(e.into()),
        };
        let user = self
            .store
            .users_by_ids(&[id])
            .await?
            .pop()
            .ok_or(Error::Store(StoreError::NotFound))?;
        Ok(Ok(user))
    }

    /// Checks a password and, if it matches, starts a session. Every attempt
    /// counts against the account's and the address's allowance.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        address: Option<IpAddr>,
    ) -> Result<SignIn, Error> {
        let mut email = normalize_email(email);
        if email.len() > crate::model::MAX_CONTACT_LEN {
            // No account has such an address; keep the limiter's keys short.
            email.truncate(0);
        }
        if let Some(wait) = self.throttle_address(address) {
            return Ok(SignIn::Throttled(wait));
        }
        if password.len() > MAX_PASSWORD_BYTES || email.is_empty() {
            return Ok(SignIn::Refused);
        }
        // Before the password is checked, so the wait says nothing of it.
        match self.by_account.reserve(&email, self.clock.now()) {
            Ok(wait) if wait.is_zero() => {}
            Ok(wait) => tokio::time::sleep(wait).await,
            Err(wait) => return Ok(SignIn::Throttled(wait.max(Duration::from_secs(1)))),
        }
        let found = self.store.user_by_email(&email).await?;
        let (hash, row) = match found {
            Some(row) => (row.password_hash.clone(), Some(row)),
            None => (DUMMY_HASH.clone(), None),
        };
        let matches = {
            let _permit = self.hashing_permit().await?;
            verify_password(password.to_string(), hash).await?
        };
        match row {
            Some(row) if matches => {
                self.by_account.succeeded(&email);
                let user = row.into_model()?;
                let token = self.start_session(user.id).await?;
                Ok(SignIn::Welcome(user, token))
            }
            _ => {
                self.by_account.failed(&email, self.clock.now());
                Ok(SignIn::Refused)
            }
        }
    }

    /// Takes one attempt from the address's allowance; the wait if it is
    /// spent.
    fn throttle_address(&self, address: Option<IpAddr>) -> Option<Duration> {
        if self.by_address.len() > MAX_LIMITER_KEYS || self.sign_ups.len() > MAX_LIMITER_KEYS {
            self.by_address.retain_recent();
            self.sign_ups.retain_recent();
        }
        let now = DefaultClock::default().now();
        let address = address?;
        match self.by_address.check_key(&client_key(address)) {
            Ok(_) => None,
            Err(not_until) => Some(not_until.wait_time_from(now).max(Duration::from_secs(1))),
        }
    }

    /// A turn to compute a password hash (see `hashing`).
    async fn hashing_permit(&self) -> Result<tokio::sync::SemaphorePermit<'_>, Error> {
        self.hashing
            .acquire()
            .await
            .map_err(|_| Error::Io(std::io::Error::other("the hashing queue is closed")))
    }

    async fn start_session(&self, user_id: i64) -> Result<Token, Error> {
        let token = new_token();
        let ttl =
            chrono::Duration::from_std(self.config.token_ttl).unwrap_or(chrono::Duration::days(30));
        let expires_at = chrono::SubsecRound::trunc_subsecs(self.clock.now() + ttl, 6);
        self.store
            .create_session(user_id, &token_hash(&token), expires_at)
            .await?;
        Ok(Token { token, expires_at })
    }

    /// The viewer a bearer token stands for; `None` when the token is
    /// unknown, expired or revoked.
    pub async fn authenticate(&self, token: &str) -> Result<Option<Viewer>, Error> {
        if token.is_empty() || token.len() > 128 {
            return Ok(None);
        }
        Ok(self
            .store
            .session_user(&token_hash(token), self.clock.now())
            .await?
            .map(|(session_id, user)| Viewer { user, session_id }))
    }

    /// Revokes the viewer's token.
    pub async fn sign_out(&self, viewer: &Viewer) -> Result<bool, Error> {
        Ok(self.store.revoke_session(viewer.session_id).await?)
    }
}

/// Wrong passwords per account. Past `free` of them in a row, sign-ins to
/// the account take turns: each waits for its slot, and slots are spaced
/// by a delay that doubles with every further wrong password (up to 16
/// times `base`). A right password, after its wait, signs in and clears
/// the count, so guessing cannot lock the owner out, while guessing from
/// many addresses at once is slowed to one guess per slot. A queue longer
/// than [`MAX_ACCOUNT_QUEUE`] is refused with a wait (429).
struct AccountDelays {
    free: u32,
    base: Duration,
    states: std::sync::Mutex<HashMap<String, Failures>>,
}

/// The wrong passwords of one account.
struct Failures {
    count: u32,
    last: DateTime<Utc>,
    /// When the next sign-in may run.
    next_slot: DateTime<Utc>,
}

/// The longest an attempt waits for its turn before it is refused.
const MAX_ACCOUNT_QUEUE: Duration = Duration::from_secs(20);
/// Wrong passwords are forgotten after this long without another.
const FORGET_FAILURES: Duration = Duration::from_secs(15 * 60);

/// How long from `earlier` to `later` (zero if `later` is not later).
fn since(earlier: DateTime<Utc>, later: DateTime<Utc>) -> Duration {
    (later - earlier).to_std().unwrap_or(Duration::ZERO)
}

/// `at` plus `wait`.
fn after(at: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    at + chrono::TimeDelta::from_std(wait).unwrap_or(chrono::TimeDelta::MAX)
}

impl AccountDelays {
    fn new(free: u32, base: Duration) -> AccountDelays {
        AccountDelays {
            free,
            base,
            states: std::sync::Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Failures>> {
        // The map holds counters only: one a panicking thread left half
        // updated is still usable.
        self.states
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The spacing of slots after `count` wrong passwords.
    fn delay(&self, count: u32) -> Duration {
        if count < self.free {
            return Duration::ZERO;
        }
        self.base * (1u32 << (count - self.free).min(4))
    }

    /// A turn for one attempt: how long to wait for it, or `Err` with the
    /// wait when the queue is too long.
    fn reserve(&self, email: &str, now: DateTime<Utc>) -> Result<Duration, Duration> {
        let mut states = self.lock();
        let Some(f) = states.get_mut(email) else {
            return Ok(Duration::ZERO);
        };
        if since(f.last, now) > FORGET_FAILURES {
            states.remove(email);
            return Ok(Duration::ZERO);
        }
        if f.count < self.free {
            return Ok(Duration::ZERO);
        }
        let slot = f.next_slot.max(now);
        let wait = since(now, slot);
        if wait > MAX_ACCOUNT_QUEUE {
            return Err(wait - MAX_ACCOUNT_QUEUE);
        }
        f.next_slot = after(slot, self.delay(f.count));
        Ok(wait)
    }

    fn failed(&self, email: &str, now: DateTime<Utc>) {
        let mut states = self.lock();
        if states.len() >= MAX_LIMITER_KEYS && !states.contains_key(email) {
            states.retain(|_, f| since(f.last, now) <= FORGET_FAILURES);
            if states.len() >= MAX_LIMITER_KEYS {
                // A flood of made-up addresses: keep the accounts already
                // slowed down, forget the rest.
                let free = self.free;
                states.retain(|_, f| f.count >= free);
            }
        }
        let f = states.entry(email.to_string()).or_insert(Failures {
            count: 0,
            last: now,
            next_slot: now,
        });
        f.count = f.count.saturating_add(1);
        f.last = now;
        if f.count >= self.free {
            f.next_slot = f.next_slot.max(after(now, self.delay(f.count)));
        }
    }

    fn succeeded(&self, email: &str) {
        self.lock().remove(email);
    }
}

/// E-mail addresses compare trimmed, in Unicode compatibility form (NFKC:
/// a full-width `ａ` is an `a`) and case-insensitively.
pub fn normalize_email(email: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    email.trim().nfkc().collect::<String>().to_lowercase()
}

/// Why a normalized address cannot name a new account, if it cannot. After
/// NFKC an address must be printable ASCII (an internationalised domain in
/// its `xn--` form): otherwise `ʟan@example.vn` with a Cyrillic or Greek
/// look-alike, or one with a zero-width space, would be a second account
/// that reads as the first. Invisible characters get their own message,
/// since the user cannot see what is wrong.
fn email_refusal(email: &str) -> Option<&'static str> {
    let invisible = |c: char| {
        c.is_control()
            || matches!(c,
                '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
                | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
    };
    if email.chars().any(invisible) {
        Some("contains an invisible character: type the address again")
    } else if !email.chars().all(|c| c.is_ascii_graphic()) {
        Some(
            "must be written in Latin letters, digits and punctuation \
             (an internationalised domain in its xn-- form)",
        )
    } else {
        None
    }
}

fn check_password(c: &mut Checker, password: &str) {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        c.push(
            Field::Password,
            FieldErrorCode::TooShort,
            format!("must be at least {MIN_PASSWORD_CHARS} characters"),
        );
    } else if password.len() > MAX_PASSWORD_BYTES {
        c.push(
            Field::Password,
            FieldErrorCode::TooLong,
            format!("must be at most {MAX_PASSWORD_BYTES} bytes"),
        );
    }
}

/// A fresh bearer token: 256 random bits, URL-safe.
fn new_token() -> String {
    use rand::TryRngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .expect("BUG: the operating system has no random source");
    format!("kn_{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// What the database keeps of a token.
fn token_hash(token: &str) -> String {
    let digest = Blake2s256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hashes a password with argon2id (default parameters) on the blocking pool.
pub async fn hash_password(password: String) -> Result<String, Error> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| Error::Io(std::io::Error::other(format!("hashing failed: {e}"))))
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e)))?
}

/// Whether `password` matches a PHC string (false for a malformed one).
async fn verify_password(password: String, hash: String) -> Result<bool, Error> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e)))
}

/// A hash no password is known for, checked when the account does not exist.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    Argon2::default()
        .hash_password(new_token().as_bytes())
        .map(|h| h.to_string())
        .expect("BUG: hashing a random token cannot fail")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert!(a.len() > 40, "{a}");
        let hash = token_hash(&a);
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains(&a[3..]));
        assert_eq!(hash, token_hash(&a));
    }

    #[test]
    fn emails_compare_case_insensitively() {
        assert_eq!(normalize_email("  Lan@Example.VN "), "lan@example.vn");
    }

    /// Regression: sign-up took look-alikes of an existing address (a
    /// full-width letter, a Cyrillic one, a zero-width space) as new
    /// accounts.
    #[test]
    fn look_alike_addresses_are_the_same_or_refused() {
        assert_eq!(normalize_email("ｌａｎ@example.vn"), "lan@example.vn");
        assert_eq!(email_refusal(&normalize_email("lan@example.vn")), None);
        assert_eq!(email_refusal(&normalize_email("lan@xn--vd-2ka.vn")), None);
        for lookalike in [
            "l\u{0430}n@example.vn",
            "lan@ex\u{0430}mple.vn",
            "lαn@example.vn",
        ] {
            let refusal = email_refusal(&normalize_email(lookalike)).expect(lookalike);
            assert!(refusal.contains("Latin"), "{lookalike}: {refusal}");
        }
        for hidden in [
            "la\u{200B}n@example.vn",
            "lan\u{2060}@example.vn",
            "\u{FEFF}lan@example.vn",
            "lan@exam\u{00AD}ple.vn",
        ] {
            let refusal = email_refusal(&normalize_email(hidden)).expect(hidden);
            assert!(refusal.contains("invisible"), "{hidden:?}: {refusal}");
        }
    }

    /// Regression: five wrong passwords locked the real owner out for
    /// minutes. Now they only space out the account's next sign-ins, right
    /// or wrong alike.
    #[test]
    fn wrong_passwords_delay_the_account_without_locking_it() {
        let delays = AccountDelays::new(3, Duration::from_secs(1));
        let t0 = DateTime::parse_from_rfc3339("2026-12-01T05:00:00Z")
            .expect("valid")
            .with_timezone(&Utc);
        for _ in 0..3 {
            assert_eq!(delays.reserve("a@b.vn", t0), Ok(Duration::ZERO));
            delays.failed("a@b.vn", t0);
        }
        // The next attempt waits one delay; two at once queue one after
        // the other.
        assert_eq!(delays.reserve("a@b.vn", t0), Ok(Duration::from_secs(1)));
        assert_eq!(delays.reserve("a@b.vn", t0), Ok(Duration::from_secs(2)));
        // Other accounts are untouched.
        assert_eq!(delays.reserve("c@d.vn", t0), Ok(Duration::ZERO));
        // More wrong passwords double the spacing, up to a cap...
        for _ in 0..10 {
            delays.failed("a@b.vn", t0);
        }
        assert_eq!(delays.delay(13), Duration::from_secs(16));
        // ...and a queue past the longest wait is refused, not lengthened.
        let mut refused = false;
        for _ in 0..10 {
            refused |= delays.reserve("a@b.vn", t0).is_err();
        }
        assert!(refused);
        // The right password clears it all.
        delays.succeeded("a@b.vn");
        assert_eq!(delays.reserve("a@b.vn", t0), Ok(Duration::ZERO));
        // Failures are forgotten after a quiet quarter of an hour.
        for _ in 0..5 {
            delays.failed("e@f.vn", t0);
        }
        let later = after(t0, FORGET_FAILURES + Duration::from_secs(1));
        assert_eq!(delays.reserve("e@f.vn", later), Ok(Duration::ZERO));
    }

    #[tokio::test]
    async fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("mật khẩu đủ dài".to_string()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password("mật khẩu đủ dài".into(), hash.clone())
                .await
                .unwrap()
        );
        assert!(
            !verify_password("mat khau du dai".into(), hash)
                .await
                .unwrap()
        );
        assert!(
            !verify_password("x".into(), "not a hash".into())
                .await
                .unwrap()
        );
    }

    #[test]
    fn viewers_change_only_what_they_own_unless_operators() {
        let user = |role| Viewer {
            user: User {
                id: 7,
                email: "a@b.vn".into(),
                role,
                name: None,
                created_at: Utc::now(),
            },
            session_id: 1,
        };
        assert!(user(Role::Startup).may_change(Some(7)));
        assert!(!user(Role::Startup).may_change(Some(8)));
        assert!(!user(Role::Startup).may_change(None));
        assert!(user(Role::Admin).may_change(Some(8)));
        assert!(user(Role::Admin).may_change(None));
    }
}
