import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions end when what they carry stops being true. A session token holds the account's role and
 * area and is checked without SQL, so until now a disabled account, a reset password or a changed
 * role left the sessions already issued valid until they expired (30 minutes).
 *
 * `account.sessions_valid_from`: sessions issued before it are refused. A trigger sets it, whoever
 * writes (the API, `npm run accounts`, psql), when the password hash changes, the account is
 * disabled, or its role or area changes — and announces it on the channel `liangxin_sessions`
 * ("<account id> <epoch milliseconds>", delivered at commit), which every server process listens to
 * (apps/server/src/auth/session-revocations.ts), so refusing a revoked session still costs no SQL.
 */
export class SessionRevocation1765008000000 implements MigrationInterface {
  name = 'SessionRevocation1765008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE account ADD COLUMN sessions_valid_from timestamptz`);
    await q.query(`
      CREATE FUNCTION account_revoke_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
           OR (NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL)
           OR NEW.role IS DISTINCT FROM OLD.role
           OR NEW.area_id IS DISTINCT FROM OLD.area_id THEN
          NEW.sessions_valid_from := now();
          PERFORM pg_notify('liangxin_sessions', NEW.id || ' ' || floor(extract(epoch FROM NEW.sessions_valid_from) * 1000)::bigint);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER account_revoke_sessions BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION account_revoke_sessions()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER account_revoke_sessions ON account`);
    await q.query(`DROP FUNCTION account_revoke_sessions()`);
    await q.query(`ALTER TABLE account DROP COLUMN sessions_valid_from`);
  }
}
