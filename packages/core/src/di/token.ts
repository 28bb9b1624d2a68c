import type { DependencyContainer } from 'tsyringe';

declare const tokenType: unique symbol;

/**
 * A DI token that carries the type of what it resolves to. A bare symbol loses the type;
 * this keeps `resolve(container, EventsToken)` typed without casts at call sites.
 */
export type Token<T> = symbol & { readonly [tokenType]?: T };

export function token<T>(name: string): Token<T> {
  return Symbol.for(`hypsim:${name}`) as Token<T>;
}

export function resolve<T>(container: DependencyContainer, tok: Token<T>): T {
  return container.resolve<T>(tok);
}

export function registerValue<T>(container: DependencyContainer, tok: Token<T>, value: T): void {
  container.register<T>(tok, { useValue: value });
}
