/**
 * Throughline's store for many app instances sharing one PostgreSQL: postgres.js, versioned migrations, unique constraints, advisory locks, SKIP LOCKED timers.
 * @module @throughline/store-postgres
 */
export * from '../../packages/store-postgres/src/index';
