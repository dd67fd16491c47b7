package model

import (
	"time"

	"boussole/internal/access"
)

// User is a person with an account. Email is stored lower-cased.
type User struct {
	ID            int64
	Email         string
	Name          string
	PasswordHash  string
	PlatformAdmin bool
	CreatedAt     time.Time
	Version       int64
}

// Member is a user's place in one workspace.
type Member struct {
	AuthorityID int64
	User        User
	Role        access.Role
	Service     string
	CreatedAt   time.Time
	Version     int64
}

// Workspace is a workspace as seen by one user: the authority and the role they hold in it.
type Workspace struct {
	Authority Authority
	Role      access.Role
}

// Grant gives an accompagnateur (an expert or a network) access to a workspace until revoked.
type Grant struct {
	ID           int64
	AuthorityID  int64
	User         User
	Organisation string
	CreatedAt    time.Time
	RevokedAt    time.Time
}

// Invitation is a single-use link to join a workspace with a role.
type Invitation struct {
	AuthorityID int64
	Email       string
	Role        access.Role
	CreatedAt   time.Time
	ExpiresAt   time.Time
	AcceptedAt  time.Time
}

// AccessRequest is a person's request to join a workspace that already exists.
type AccessRequest struct {
	ID          int64
	AuthorityID int64
	Email       string
	Name        string
	Message     string
	CreatedAt   time.Time
}

// PasswordReset is a pending reset, kept so the platform administrator can pass the link on when no mail
// server is configured.
type PasswordReset struct {
	Email     string
	Link      string
	CreatedAt time.Time
	ExpiresAt time.Time
}
