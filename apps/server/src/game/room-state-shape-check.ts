// Compile-time check, imported by nothing: `npx nx typecheck server` fails when the room's Colyseus
// schema (`room-state.ts`) and the clients' view of it (`RoomStateShape`, `PlayerStateShape` in
// `@tengen/protocol`) stop describing the same fields: a field on one side only, or a field whose
// types cannot hold each other's values (a number on one side, a string on the other). The error
// names the offending fields. (`room-state.spec.ts` checks the same against the encoded state.)
import type { Schema } from '@colyseus/schema';
import type { PlayerStateShape, RoomStateShape } from '@tengen/protocol';
import type { GameRoomState, PlayerState } from './room-state.ts';

/** A schema instance's own fields (not `Schema`'s methods). */
type Fields<S> = Exclude<keyof S, keyof Schema>;

/** `true` when both key sets are equal; otherwise the keys only one side has. */
type SameKeys<Server, Client> = [Exclude<Server, Client>, Exclude<Client, Server>] extends [
  never,
  never,
]
  ? true
  : { onlyOnServer: Exclude<Server, Client>; onlyInProtocol: Exclude<Client, Server> };

/**
 * Fields present on both sides whose types are unrelated. The schema stores enums as `string` and
 * arrays as `ArraySchema`, so either side may be the narrower one; unrelated types are the error.
 */
type Unrelated<Server, Client> = {
  [K in keyof Server & keyof Client]-?: NonNullable<Client[K]> extends Server[K]
    ? never
    : Server[K] extends NonNullable<Client[K]>
      ? never
      : K;
}[keyof Server & keyof Client];

/** `true` when nothing is unrelated; otherwise the fields that are. */
type NoneUnrelated<Server, Client> = [Unrelated<Server, Client>] extends [never]
  ? true
  : { unrelatedTypes: Unrelated<Server, Client> };

// `players` is a `MapSchema` on the server and a read-only map view in the protocol: its entries are
// checked as players below.
type RoomFields = Omit<GameRoomState, 'players'>;
type RoomShapeFields = Omit<RoomStateShape, 'players'>;

/** Compiles only when `T` is `true`; the error shows what `T` is instead. */
type Expect<T extends true> = T;

/** The room's fields: the same names, related types. */
export type RoomStateMatches = [
  Expect<SameKeys<Fields<GameRoomState>, keyof RoomStateShape>>,
  Expect<NoneUnrelated<RoomFields, RoomShapeFields>>,
];
/** Each player's fields: the same names, related types. */
export type PlayerStateMatches = [
  Expect<SameKeys<Fields<PlayerState>, keyof PlayerStateShape>>,
  Expect<NoneUnrelated<PlayerState, PlayerStateShape>>,
];
