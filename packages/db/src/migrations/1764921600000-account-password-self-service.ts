import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person changes their own password (`changePassword`). District officers and street workers
 * work under row-level security (role `liangxin_scoped`), which could only read `account`; the
 * account policy already shows them their own row alone, so granting UPDATE of the one column
 * lets each of them change their own password and nothing else of any account.
 */
export class AccountPasswordSelfService1764921600000 implements MigrationInterface {
  name = 'AccountPasswordSelfService1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT UPDATE (password_hash) ON account TO liangxin_scoped`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE UPDATE (password_hash) ON account FROM liangxin_scoped`);
  }
}
