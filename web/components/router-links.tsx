import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
  UnstyledButton,
  type UnstyledButtonProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

/** Mantine components rendered as router links, so `to`, `params` and `search` are type-checked. */
type AsAnchor<Props> = Props & Omit<ComponentPropsWithRef<'a'>, keyof Props>;

export const AnchorLink = createLink((props: AsAnchor<AnchorProps>) => <Anchor component="a" {...props} />);
export const ButtonLink = createLink((props: AsAnchor<ButtonProps>) => <Button component="a" {...props} />);
export const NavLinkLink = createLink((props: AsAnchor<NavLinkProps>) => <NavLink component="a" {...props} />);
export const UnstyledLink = createLink((props: AsAnchor<UnstyledButtonProps>) => <UnstyledButton component="a" {...props} />);
